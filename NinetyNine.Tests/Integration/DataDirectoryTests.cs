using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using NinetyNine.Web.Data;

namespace NinetyNine.Tests.Integration;

/// <summary>The data directory setting does what the README says, and the README says it.</summary>
public sealed class DataDirectoryTests
{
    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "NinetyNine.Web";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Fact]
    public void The_setting_names_the_folder_and_without_it_the_app_uses_data_beside_itself()
    {
        var deployed = Path.Combine(Path.GetTempPath(), "ninetynine-deployed-" + Guid.NewGuid().ToString("N"));
        var configured = Path.Combine(Path.GetTempPath(), "ninetynine-data-" + Guid.NewGuid().ToString("N"));
        var with = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["NinetyNine:DataDirectory"] = configured }).Build();
        var without = new ConfigurationBuilder().Build();

        Assert.Equal(configured, DatabaseSetup.DataDirectory(with, new Environment(deployed)));
        Assert.Equal(Path.Combine(deployed, "data"), DatabaseSetup.DataDirectory(without, new Environment(deployed)));
    }

    [Fact]
    public void The_readme_documents_the_data_directory_and_what_goes_there()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "README.md")))
        {
            dir = dir.Parent;
        }

        var readme = File.ReadAllText(Path.Combine(dir!.FullName, "README.md"));
        var paragraph = readme[readme.IndexOf("`NinetyNine:DataDirectory`", StringComparison.Ordinal)..][..600];

        Assert.Contains("NinetyNine__DataDirectory", paragraph, StringComparison.Ordinal);
        Assert.Contains("`keys/`", paragraph, StringComparison.Ordinal);
        Assert.Contains("`outbox/`", paragraph, StringComparison.Ordinal);
    }
}
