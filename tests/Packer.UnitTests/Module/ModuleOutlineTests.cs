using Packer.Core.Module;

namespace Packer.Tests.Module;

/// <summary>The outline of a target too large for the cap: a tree of its folders, counts and main types, and its ladder.</summary>
public sealed class ModuleOutlineTests
{
    private static readonly (string Path, IReadOnlyList<TypeMentions> Types)[] Files =
    [
        ("src/Core/Constants.cs", [new("Constants", 90)]),
        ("src/Core/Entities/Organization.cs", [new("Organization", 200)]),
        ("src/Core/Entities/Provider/Provider.cs", [new("Provider", 20)]),
        ("src/Core/Entities/User.cs", [new("User", 300)]),
        ("src/Core/Models/Mail/Mailer/Invite/InviteMail.cs", [new("InviteMail", 3)]),
        ("src/Core/Models/Mail/Mailer/Invite/InviteView.cs", [new("InviteView", 2)]),
        ("src/Core/Services/IUserService.cs", [new("IUserService", 150)]),
        ("src/Core/Services/UserService.cs", [new("UserService", 4), new("UserServiceOptions", 0)]),
    ];

    [Fact]
    public void At_its_richest_it_lists_every_folder_with_its_files_and_most_named_types()
    {
        // Given
        var outline = ModuleOutline.Of(Files);

        // When
        var text = outline.Render(outline.Levels[0], "the target Core");

        // Then a folder with no files of its own and one subfolder shares its line with it
        Assert.Equal(
            "Outline of the target Core: 8 files in 8 folders. Each folder: its files, subfolders included; then the types of its own files that most other files name.\n"
            + "src/Core/ 8: Constants\n"
            + "  Entities/ 3: User, Organization\n"
            + "    Provider/ 1: Provider\n"
            + "  Models/Mail/Mailer/Invite/ 2: InviteMail, InviteView\n"
            + "  Services/ 2: IUserService, UserService, UserServiceOptions\n",
            text);
        Assert.Equal("src/Core/", outline.Path);
    }

    [Fact]
    public void Its_ladder_drops_types_then_folder_levels_and_each_rung_is_shorter()
    {
        // Given
        var outline = ModuleOutline.Of(Files);

        // When
        var levels = outline.Levels;
        var texts = levels.Select(l => outline.Render(l, "the target Core")).ToList();

        // Then
        Assert.Equal(
            ["every folder, up to 3 types each", "every folder, up to 1 types each", "every folder", "folders 1 levels deep", "the top folder only"],
            levels.Select(l => l.Describe()));
        Assert.All(texts.Zip(texts.Skip(1)), pair => Assert.True(pair.Second.Length < pair.First.Length, pair.Second));
        Assert.EndsWith("included.\nsrc/Core/ 8\n  Entities/ 3 (+1 folder)\n  Models/Mail/Mailer/Invite/ 2\n  Services/ 2\n", texts[3], StringComparison.Ordinal);
        Assert.EndsWith("included.\nsrc/Core/ 8 (+7 folders)\n", texts[4], StringComparison.Ordinal);
    }

    [Fact]
    public void It_does_not_depend_on_the_order_of_its_files_and_names_types_in_powers_of_two()
    {
        // Given the same files in another order, one type named once more (within its power of two)
        var shuffled = Files.Reverse().Select(f => f.Path.EndsWith("User.cs", StringComparison.Ordinal) ? (f.Path, [new TypeMentions("User", 301)]) : f).ToList();

        // When
        var once = ModuleOutline.Of(Files);
        var again = ModuleOutline.Of(shuffled);

        // Then
        Assert.Equal(once.Render(once.Levels[0], "x"), again.Render(again.Levels[0], "x"));
    }

    [Theory]
    [InlineData("a/b/c.cs,a/d.cs", "a")]
    [InlineData("a/b/c.cs,a/b/d/e.cs", "a/b")]
    [InlineData("x.cs,a/y.cs", "")]
    [InlineData("ab/x.cs,a/y.cs", "")]
    public void The_common_folder_is_whole_folders_deep(string paths, string expected) =>
        Assert.Equal(expected, ModuleOutline.CommonFolder(paths.Split(',')));
}
