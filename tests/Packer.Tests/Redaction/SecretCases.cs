namespace Packer.Tests.Redaction;

/// <summary>One text per rule and context that must be redacted, by name.</summary>
internal static class SecretCases
{
    private static readonly string Id = FakeSecrets.AwsAccessKeyId;
    private static readonly string Key = FakeSecrets.AwsSecretAccessKey;
    private static readonly string Pw = FakeSecrets.Password;
    private static readonly string Body = FakeSecrets.PemBody;
    private static readonly string Hex32 = FakeSecrets.Hex(32, 88);
    private static readonly string Hex64 = FakeSecrets.Hex(64, 89);
    private static readonly string AttributeKey = FakeSecrets.Generate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32, 90);
    private static readonly string Ghp = FakeSecrets.GitHubToken("p");

    /// <summary>Gets the cases by name.</summary>
    public static IReadOnlyDictionary<string, SecretCase> All { get; } = WithVendorTokens(new SortedDictionary<string, SecretCase>(StringComparer.Ordinal)
    {
        ["aws id in C#"] = new("src/Aws.cs", $"var id = \"{Id}\";\n", Id, "aws-access-key-id"),
        ["aws temporary id in ini"] = new(".aws/credentials", $"aws_access_key_id = AS{Id[2..]}\n", "AS" + Id[2..], "aws-access-key-id"),
        ["aws secret in ini"] = new(".aws/credentials", $"[default]\naws_secret_access_key = {Key}\n", Key, "aws-secret-access-key"),
        ["aws secret in json"] = new("appsettings.json", $"{{\n  \"AWS\": {{ \"SecretAccessKey\": \"{Key}\" }}\n}}\n", Key, "aws-secret-access-key"),
        ["aws secret in env"] = new("deploy.sh", $"export AWS_SECRET_ACCESS_KEY={Key}\n", Key, "aws-secret-access-key"),
        ["github ghp"] = Token(FakeSecrets.GitHubToken("p"), "github-token"),
        ["github gho"] = Token(FakeSecrets.GitHubToken("o"), "github-token"),
        ["github ghu"] = Token(FakeSecrets.GitHubToken("u"), "github-token"),
        ["github ghs"] = Token(FakeSecrets.GitHubToken("s"), "github-token"),
        ["github ghr"] = Token(FakeSecrets.GitHubToken("r"), "github-token"),
        ["github fine-grained"] = Token(FakeSecrets.GitHubFineGrainedPat, "github-fine-grained-pat"),
        ["anthropic"] = Token(FakeSecrets.AnthropicKey, "anthropic-api-key"),
        ["openai project"] = Token(FakeSecrets.OpenAiProjectKey, "openai-api-key"),
        ["openai legacy"] = Token(FakeSecrets.OpenAiLegacyKey, "openai-api-key"),
        ["slack bot token"] = Token(FakeSecrets.SlackBotToken, "slack-token"),
        ["slack webhook"] = new("src/Notify.cs", $"var hook = new Uri(\"https://hooks.slack.com/services/{FakeSecrets.SlackWebhookPath}\");\n", FakeSecrets.SlackWebhookPath, "slack-webhook-url"),
        ["stripe secret"] = Token(FakeSecrets.StripeKey("sk"), "stripe-api-key"),
        ["stripe restricted"] = Token(FakeSecrets.StripeKey("rk"), "stripe-api-key"),
        ["jwt"] = new("tests/Api.http", $"GET /orders\nAuthorization: Bearer {FakeSecrets.Jwt}\n", FakeSecrets.Jwt, "jwt"),
        ["gcp"] = Token(FakeSecrets.GcpApiKey, "gcp-api-key"),
        ["nuget api key"] = new("build.ps1", $"dotnet nuget push pkg.nupkg --api-key {FakeSecrets.NuGetApiKey}\n", FakeSecrets.NuGetApiKey, "nuget-api-key"),
        ["azure ad client secret"] = Token(FakeSecrets.AzureAdClientSecret, "azure-ad-client-secret"),
        ["pem rsa"] = new("certs/dev.pem", FakeSecrets.Pem("RSA") + "\n", Body, "private-key"),
        ["pem openssh"] = new("keys/id", FakeSecrets.Pem("OPENSSH") + "\n", Body, "private-key"),
        ["pem pkcs8 in yaml"] = new("k8s/secret.yaml", "tls.key: |\n  " + FakeSecrets.Pem(string.Empty).Replace("\n", "\n  ", StringComparison.Ordinal) + "\n", Body.Replace("\n", "\n  ", StringComparison.Ordinal), "private-key"),
        ["pem escaped in a C# string"] = new("src/Keys.cs", "const string Pem = \"" + FakeSecrets.Pem("EC").Replace("\n", "\\n", StringComparison.Ordinal) + "\\n\";\n", Body.Replace("\n", "\\n", StringComparison.Ordinal), "private-key"),
        ["azure storage connection string"] = new("appsettings.json", $"{{ \"Storage\": \"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={FakeSecrets.AzureStorageKey};EndpointSuffix=core.windows.net\" }}\n", FakeSecrets.AzureStorageKey, "azure-storage-account-key"),
        ["azure service bus key"] = new("src/Bus.cs", $"var cs = \"Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={FakeSecrets.SharedAccessKey}\";\n", FakeSecrets.SharedAccessKey, "azure-shared-access-key"),
        ["azure sas signature"] = new("src/Blob.cs", $"var url = \"https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&sr=b&sp=r&se=2030-01-01T00:00:00Z&sig={FakeSecrets.SasSignature}\";\n", FakeSecrets.SasSignature, "azure-sas-signature"),
        ["nuget.config cleartext password"] = new("nuget.config", $"<packageSourceCredentials>\n  <feed>\n    <add key=\"Username\" value=\"ci\" />\n    <add key=\"ClearTextPassword\" value=\"{Pw}\" />\n  </feed>\n</packageSourceCredentials>\n", Pw, "nuget-cleartext-password"),
        ["nuget.config cleartext password, value first"] = new("NuGet.Config", $"<add value=\"{Pw}\" key=\"ClearTextPassword\" />\n", Pw, "nuget-cleartext-password"),
        ["connection string in appsettings"] = new("src/Web/appsettings.json", $"{{\n  \"ConnectionStrings\": {{\n    \"Db\": \"Server=db,1433;Database=app;User Id=sa;Password={Pw};TrustServerCertificate=true\"\n  }}\n}}\n", Pw, "connection-string-password"),
        ["connection string in C#"] = new("src/Db.cs", $"const string Cs = \"Data Source=db;Initial Catalog=app;uid=app;pwd={Pw}\";\n", Pw, "connection-string-password"),
        ["connection string in web.config"] = new("web.config", $"<add name=\"Db\" connectionString=\"Server=.;Database=app;User ID=u;Password={Pw}\" providerName=\"System.Data.SqlClient\" />\n", Pw, "connection-string-password"),
        ["connection string, quoted value"] = new("src/Db.cs", $"var cs = \"Host=db;Username=app;Password='{Pw};x'\";\n", Pw + ";x", "connection-string-password"),
        ["connection string for redis"] = new("appsettings.json", $"{{ \"Redis\": \"cache.internal:6380,ssl=true,abortConnect=false,password={Pw},connectTimeout=5000\" }}\n", Pw, "connection-string-password"),
        ["url postgres"] = new("docker/.env.example.txt", $"DATABASE_URL=postgres://app:{Pw}@db.internal:5432/app\n", Pw, "url-credentials"),
        ["url amqp in C#"] = new("src/Bus.cs", $"var uri = new Uri(\"amqp://worker:{Pw}@rabbit/\");\n", Pw, "url-credentials"),
        ["url with @ in the password"] = new("README.md", $"git clone https://deploy:{Pw}@x@git.internal/repo.git\n", Pw + "@x", "url-credentials"),
        ["config json password"] = new("src/Web/appsettings.Production.json", $"{{ \"Smtp\": {{ \"Host\": \"smtp\", \"SmtpPassword\": \"{Pw}\" }} }}\n", Pw, "config-secret"),
        ["config yaml password"] = new("deploy/values.yaml", $"db:\n  user: app\n  password: {Pw}  # rotated monthly\n", Pw, "config-secret"),
        ["config yaml quoted token"] = new("deploy/values.yml", $"api:\n  token: \"{FakeSecrets.Generate("abcdef0123456789", 32, 40)}\"\n", FakeSecrets.Generate("abcdef0123456789", 32, 40), "config-secret"),
        ["config env"] = new(".env", $"DB_PASSWORD={Pw}\n", Pw, "config-secret"),
        ["config compose list"] = new("docker-compose.yml", $"    environment:\n      - ACCEPT_EULA=Y\n      - SA_PASSWORD={Pw}\n", Pw, "config-secret"),
        ["config dockerfile env"] = new("src/Api/Dockerfile", $"ENV API_SECRET={Pw}\n", Pw, "config-secret"),
        ["config xml element"] = new("settings.xml", $"<server>\n  <id>feed</id>\n  <password>{Pw}</password>\n</server>\n", Pw, "config-secret"),
        ["config appSettings key"] = new("app.config", $"<appSettings>\n  <add key=\"ApiKey\" value=\"{Pw}\" />\n</appSettings>\n", Pw, "config-secret"),

        // Issue 28: what an attacker's probe found passing.
        ["probe: aws secret in a C# variable"] = new("src/Aws.cs", $"var awsSecret = \"{Key}\";\n", Key, "aws-secret-access-key"),
        ["probe: jwt with - in its header"] = new("tests/Api.http", $"GET /orders\nAuthorization: Bearer {FakeSecrets.JwtWithHeader("k~1")}\n", FakeSecrets.JwtWithHeader("k~1"), "jwt"),
        ["probe: jwt with _ in its header"] = Token(FakeSecrets.JwtWithHeader("k?2"), "jwt"),
        ["probe: salt in .env"] = new(".env", $"SESSION_SALT={FakeSecrets.Salt}\n", FakeSecrets.Salt, "config-secret"),
        ["probe: connection string password on its own line"] = new("src/Db.cs", $"const string Cs = @\"Server=db;Database=app;\nPassword={Pw};\";\n", Pw, "connection-string-password"),
        ["probe: private key with a short body"] = new("certs/signing.pem", $"-----BEGIN PRIVATE KEY-----\n{FakeSecrets.ShortPemBody}\n-----END PRIVATE KEY-----\n", FakeSecrets.ShortPemBody, "private-key"),
        ["probe: sendgrid key"] = Token(FakeSecrets.SendGridKey, "sendgrid-api-token"),
        ["probe: twilio key"] = Token(FakeSecrets.TwilioKey, "twilio-api-key"),
        ["probe: npm token in .npmrc"] = new(".npmrc", $"//registry.npmjs.org/:_authToken={FakeSecrets.NpmToken}\n", FakeSecrets.NpmToken, "npm-access-token"),
        ["probe: npm token in C#"] = new("src/Feeds.cs", $"var npm = new Feed(\"https://registry.npmjs.org/\", \"{FakeSecrets.NpmToken}\");\n", FakeSecrets.NpmToken, "npm-access-token"),
        ["probe: api key literal, 32 hex"] = new("src/Client.cs", $"    public const string ApiKey = \"{Hex32}\";\n", Hex32, "generic-api-key"),
        ["probe: hmac key, 64 hex"] = new("src/Signing.cs", $"    private const string HmacKey = \"{Hex64}\";\n", Hex64, "generic-api-key"),
        ["probe: signing key, base64 in C#"] = new("src/Auth/JwtSettings.cs", $"        SigningKey = \"{FakeSecrets.SigningKey}\",\n", FakeSecrets.SigningKey, "generic-api-key"),
        ["probe: secret as an attribute argument"] = new("src/Controllers/AdminController.cs", $"[ApiKey(\"{AttributeKey}\")]\npublic sealed class AdminController : ControllerBase {{ }}\n", AttributeKey, "generic-api-key"),
        ["probe: github token split in two literals"] = new("src/Settings.cs", $"    public const string Token = \"{Ghp[..20]}\" + \"{Ghp[20..]}\";\n", Ghp[..20] + "\" + \"" + Ghp[20..], "github-token"),

        // The same kinds in other shapes .NET code writes them.
        ["signing key decoded in C#"] = new("src/Auth/Tokens.cs", $"var key = new SymmetricSecurityKey(Convert.FromBase64String(\"{FakeSecrets.SigningKey}\"));\n", FakeSecrets.SigningKey, "generic-api-key"),
        ["api key in a header, in C#"] = new("src/Client.cs", $"client.DefaultRequestHeaders.Add(\"X-Api-Key\", \"{AttributeKey}\");\n", AttributeKey, "generic-api-key"),
        ["github token split over two lines"] = new("src/Settings.cs", $"    var token = \"{Ghp[..9]}\"\n        + \"{Ghp[9..]}\";\n", Ghp[..9] + "\"\n        + \"" + Ghp[9..], "github-token"),

        // A .NET secret neither gitleaks nor secretlint knows.
        ["aspnet data protection key file"] = new("src/Web/keys/key-3f2504e0-4f89-11d3-9a0c-0305e82c3301.xml", $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<key id=\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\" version=\"1\">\n  <descriptor deserializerType=\"Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel.AuthenticatedEncryptorDescriptorDeserializer\">\n    <descriptor>\n      <encryption algorithm=\"AES_256_CBC\" />\n      <validation algorithm=\"HMACSHA256\" />\n      <masterKey p4:requiresEncryption=\"true\" xmlns:p4=\"http://schemas.asp.net/2015/03/dataProtection\">\n        <!-- Warning: the key below is in an unencrypted form. -->\n        <value>{FakeSecrets.DataProtectionKey}</value>\n      </masterKey>\n    </descriptor>\n  </descriptor>\n</key>\n", FakeSecrets.DataProtectionKey, "aspnet-data-protection-key"),

        // Tokens of other rules ported from gitleaks, in other shapes than a C# constant.
        ["teams webhook"] = new("src/Notify.cs", $"var hook = new Uri(\"https://contoso.webhook.office.com/{FakeSecrets.TeamsWebhookPath}\");\n", FakeSecrets.TeamsWebhookPath, "microsoft-teams-webhook"),
    });

    /// <summary>Adds a case of each token <see cref="FakeSecrets.VendorTokens"/> holds, as a C# constant.</summary>
    private static SortedDictionary<string, SecretCase> WithVendorTokens(SortedDictionary<string, SecretCase> cases)
    {
        foreach (var (ruleId, token) in FakeSecrets.VendorTokens)
        {
            cases.TryAdd("token " + ruleId, Token(token, ruleId));
        }

        return cases;
    }

    private static SecretCase Token(string token, string ruleId) => new("src/Settings.cs", $"    public const string Token = \"{token}\"; // rotate\n", token, ruleId);
}
