using Microsoft.CodeAnalysis.CSharp;
using Packer.Core.Budget;

namespace Packer.Tests.Budget;

public sealed class SignatureExtractorTests
{
    [Fact]
    public void Keeps_declarations_and_docs_and_removes_bodies_initializers_and_comments()
    {
        // Given
        const string source = """
            namespace Shop;

            /// <summary>Totals.</summary>
            public sealed class Pricing : IPricing
            {
                // a cache
                private readonly Dictionary<string, decimal> cache = new();

                public Pricing(int scale) : base()
                {
                    Scale = scale;
                }

                public int Scale { get; }

                public int Count { get; set; } = 3;

                public decimal Rate { get => cache["rate"]; set { cache["rate"] = value; } }

                public string Name => "pricing";

                /// <summary>Adds.</summary>
                public decimal Add(decimal a, decimal b)
                {
                    return a + b;
                }

                public decimal Twice(decimal a) => a * 2;

                public static Pricing operator +(Pricing a, Pricing b) { return a; }

                public abstract void Later();
            }

            public enum Kind { A = 1, B = 2 }
            """;

        // When
        var signatures = SignatureExtractor.Extract(source);

        // Then
        Assert.Equal("""
            namespace Shop;
            /// <summary>Totals.</summary>
            public sealed class Pricing : IPricing
            {
                private readonly Dictionary<string, decimal> cache;
                public Pricing(int scale);
                public int Scale { get; }
                public int Count { get; set; }
                public decimal Rate { get; set; }
                public string Name { get; }
                /// <summary>Adds.</summary>
                public decimal Add(decimal a, decimal b);
                public decimal Twice(decimal a);
                public static Pricing operator +(Pricing a, Pricing b);
                public abstract void Later();
            }
            public enum Kind { A = 1, B = 2 }

            """.ReplaceLineEndings("\n"), signatures);
        Assert.DoesNotContain(CSharpSyntaxTree.ParseText(signatures).GetDiagnostics(), d => d.Id != "CS0501");
    }
}
