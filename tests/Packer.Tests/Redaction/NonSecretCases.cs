namespace Packer.Tests.Redaction;

/// <summary>Texts that look like secrets to a careless rule and must come out unchanged, by name.</summary>
internal static class NonSecretCases
{
    /// <summary>Gets the cases by name: a path and a text.</summary>
    public static IReadOnlyDictionary<string, (string Path, string Text)> All { get; } = new SortedDictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["code: Password = password"] = ("src/Db.cs", "var settings = new DbSettings { Server = server, Password = password, Pwd = pwd };\n"),
        ["code: Password = options.Password"] = ("src/Db.cs", "builder.Server = \"db\"; builder.Password = options.Password;\n"),
        ["code: interpolated connection string"] = ("src/Db.cs", "var cs = $\"Server={host};Database={db};User Id={user};Password={_options.Password};\";\n"),
        ["code: an interpolation hole inside a value"] = ("src/Db.cs", "var cs = $\"Host=db;Username=app;Password='{secret};x'\"; var u = $\"https://deploy:{token}@x@git.internal/r.git\";\n"),
        ["code: concatenated connection string"] = ("src/Db.cs", "var cs = \"Server=\" + host + \";User Id=\" + user + \";Password=\" + password + \";\";\n"),
        ["code: a password outside a connection string"] = ("src/Seed.cs", "public const string DefaultPassword = \"Pass@word1\";\n"),
        ["code: JSON in a C# string"] = ("tests/Config.cs", "const string Json = \"\"\"{ \"Password\": \"Pass@word1\" }\"\"\";\n"),
        ["code: Pwd= in a comment"] = ("src/Db.cs", "// Pwd=<your password> goes into the user secrets, never here\n"),
        ["connection string without a password"] = ("appsettings.json", "{ \"Db\": \"Server=(localdb)\\\\mssqllocaldb;Database=app;Trusted_Connection=True;\" }\n"),
        ["connection string, empty password"] = ("appsettings.json", "{ \"Db\": \"Server=db;Database=app;User Id=sa;Password=;\" }\n"),
        ["docs: connection string template"] = ("README.md", "Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;\n"),
        ["aws: the documented example id and key"] = ("README.md", "aws_access_key_id = AKIA" + "IOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY\n"),
        ["aws: a low-entropy id"] = ("tests/Aws.cs", "var id = \"AKIA" + new string('A', 16) + "\";\n"),
        ["github: a masked token"] = ("README.md", "GITHUB_TOKEN=ghp_" + new string('x', 36) + "\n"),
        ["openai: sk- inside words"] = ("src/Tasks.cs", "var name = \"task-" + FakeSecrets.Generate("abcdefghij0123456789", 40, 50) + "\";\n"),
        ["stripe: a publishable key"] = ("src/Pay.cs", "var pk = \"pk_live_" + FakeSecrets.Generate("abcdefghijABCDEFGHIJ0123456789", 24, 51) + "\";\n"),
        ["slack: a name, not a token"] = ("docs/slack.md", "`{ \"Token\": \"xoxb-token-from-slack\" }`\n"),
        ["jwt: a header alone"] = ("src/Jwt.cs", "var header = \"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\";\n"),
        ["base64 test vector"] = ("tests/Crypto.cs", "var bytes = Convert.FromBase64String(\"" + FakeSecrets.AzureStorageKey + "\");\n"),
        ["base64 short"] = ("tests/Crypto.cs", "Assert.Equal(\"SGVsbG8gV29ybGQ=\", Encode(\"Hello World\"));\n"),
        ["azure: the Azurite development key"] = ("appsettings.Development.json", "{ \"Storage\": \"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + FakeSecrets.AzuriteKey + ";\" }\n"),
        ["azure: sig appended in code"] = ("src/Sas.cs", "query += \"&sig=\" + Uri.EscapeDataString(signature);\n"),
        ["url: no password"] = ("src/Http.cs", "var a = \"http://localhost:5000/api\"; var b = \"git@github.com:org/repo.git\"; var c = \"ssh://git@host:22/repo\";\n"),
        ["url: a colon and @ in the path"] = ("src/Http.cs", "var u = \"https://example.com/path:part@v2\";\n"),
        ["url: format placeholders"] = ("src/Http.cs", "var u = string.Format(\"{0}://{1}:{2}@{3}\", scheme, user, pass, host);\n"),
        ["pem: documentation stub"] = ("docs/keys.md", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----\n"),
        ["pem: a generator writing the lines"] = ("src/KeyWriter.cs", "lines.Add(\"-----BEGIN RSA PRIVATE KEY-----\");\nforeach (var chunk in Chunk(base64AndMoreTextToMakeThisLongerThanSixtyFourCharacters, 64)) { lines.Add(chunk); }\nlines.Add(\"-----END RSA PRIVATE KEY-----\");\n"),
        ["pem: a public key"] = ("certs/pub.pem", "-----BEGIN PUBLIC KEY-----\n" + FakeSecrets.PemBody + "\n-----END PUBLIC KEY-----\n"),
        ["pem: opened and never closed"] = ("certs/cut.pem", "-----BEGIN PRIVATE KEY-----\n" + FakeSecrets.PemBody + "\n"),
        ["config: names, not values"] = ("appsettings.json", "{ \"TokenType\": \"Bearer\", \"HeaderName\": \"X-Api-Key\", \"ApiKey\": \"X-Api-Key\", \"access_token\": \"access_token\", \"RequireToken\": \"true\" }\n"),
        ["config: a URL and a key file"] = ("appsettings.json", "{ \"Token\": \"https://login.example.com/token\", \"PrivateKey\": \"certs/signing.pem\" }\n"),
        ["config: localized words"] = ("src/Locales/fi.yml", "tensSuffixToken: 'kymmentä'\n"),
        ["config: public key token"] = ("web.config", "<assemblyIdentity name=\"Newtonsoft.Json\" publicKeyToken=\"30ad4fe6b2a6aeed\" culture=\"neutral\" />\n"),
        ["config: secrets in a C# file are code"] = ("src/Options.cs", "public string ApiKey { get; set; } = \"\";\npublic string Password { get; init; } = string.Empty;\n"),
        ["config: elided sample"] = ("tests/SampleData/token.json", "{ \"access_token\": \"boQtj0SCGz2GFGz[...]\" }\n"),
    };
}
