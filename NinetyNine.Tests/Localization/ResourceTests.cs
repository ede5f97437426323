using System.Text.RegularExpressions;
using System.Xml.Linq;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;

namespace NinetyNine.Tests.Localization;

/// <summary>Every string the code asks for exists in Dutch and in English, so no raw key ever reaches a screen.</summary>
public sealed partial class ResourceTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Dutch_and_English_resources_have_the_same_keys_and_no_empty_text()
    {
        foreach (var baseName in new[] { "NinetyNine.Web/Resources/SharedResource", "NinetyNine.Domain/Resources/Messages" })
        {
            var nl = Read(baseName + ".resx");
            var en = Read(baseName + ".en.resx");

            Assert.Equal(nl.Keys.Order(), en.Keys.Order());
            Assert.All(nl.Concat(en), pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"{baseName}: {pair.Key} is empty"));
        }
    }

    [Fact]
    public void Every_key_used_by_the_user_interface_exists()
    {
        var ui = Read("NinetyNine.Web/Resources/SharedResource.resx");
        var used = SourceFiles("NinetyNine.Web", "*.razor", "*.cs")
            .SelectMany(text => UiKey().Matches(text).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(used);
        AssertNoneMissing(used.Where(key => !ui.ContainsKey(key)));
    }

    [Fact]
    public void Every_domain_message_and_field_name_exists()
    {
        var messages = Read("NinetyNine.Domain/Resources/Messages.resx");
        var used = SourceFiles(".", "*.cs", "*.razor")
            .SelectMany(text => DomainKey().Matches(text).Select(m => m.Groups[1].Value))
            .Where(key => key.Contains('.', StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.Contains("Network.KvkTaken", used);
        AssertNoneMissing(used.Where(key => !messages.ContainsKey(key)));
    }

    [Fact]
    public void Every_value_of_a_displayed_enum_has_a_label()
    {
        var ui = Read("NinetyNine.Web/Resources/SharedResource.resx");
        var keys = Enum.GetValues<NetworkRole>().Select(v => $"Role.{v}")
            .Concat(Enum.GetValues<MeetingMode>().Select(v => $"MeetingMode.{v}"))
            .Concat(Enum.GetValues<MeetingStatus>().Select(v => $"MeetingStatus.{v}"))
            .Concat(Enum.GetValues<ApplicationStatus>().Select(v => $"ApplicationStatus.{v}"))
            .Concat(Enum.GetValues<DecisionOutcome>().Select(v => $"DecisionOutcome.{v}"))
            .Concat(Enum.GetValues<Offer>().Where(v => v != Offer.None).Select(v => $"Offer.{v}"));

        AssertNoneMissing(keys.Where(key => !ui.ContainsKey(key)));
    }

    [Fact]
    public void Counts_have_a_singular_and_a_plural_and_no_lazy_plurals_are_left()
    {
        foreach (var file in new[] { "NinetyNine.Web/Resources/SharedResource", "NinetyNine.Domain/Resources/Messages" })
        {
            foreach (var culture in new[] { ".resx", ".en.resx" })
            {
                var lazy = Read(file + culture).Where(pair => LazyPlural().IsMatch(pair.Value)).Select(pair => $"{pair.Key}: {pair.Value}").ToList();
                Assert.True(lazy.Count == 0, $"{file}{culture}:\n" + string.Join("\n", lazy));
            }
        }

        var ui = Read("NinetyNine.Web/Resources/SharedResource.resx");
        var plurals = SourceFiles("NinetyNine.Web", "*.razor", "*.cs")
            .SelectMany(text => PluralKey().Matches(text).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.Contains("BoardPage.EmployerCount", plurals);
        AssertNoneMissing(plurals.SelectMany(key => new[] { key + ".One", key + ".Other" }).Where(key => !ui.ContainsKey(key)));
    }

    [Theory]
    [InlineData("nl-NL", 1, "1 adviseur", "1 werkgever betrokken", "1 aanmelding wacht op een besluit van de kerngroep.")]
    [InlineData("nl-NL", 2, "2 adviseurs", "2 werkgevers betrokken", "2 aanmeldingen wachten op een besluit van de kerngroep.")]
    [InlineData("en-GB", 1, "1 advisor", "1 employer involved", "1 application is waiting for a decision of the core group.")]
    [InlineData("en-GB", 2, "2 advisors", "2 employers involved", "2 applications are waiting for a decision of the core group.")]
    public void A_count_reads_as_singular_or_plural_in_both_languages(string culture, int count, string advisors, string employers, string applications)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.LocalizationServiceCollectionExtensions.AddLocalization(services, o => o.ResourcesPath = "Resources");
        Microsoft.Extensions.DependencyInjection.LoggingServiceCollectionExtensions.AddLogging(services);
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var localizer = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<NinetyNine.Web.SharedResource>>(provider);
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(advisors, NinetyNine.Web.Components.Plurals.Plural(localizer, "ThemeGroup.AdvisorCount", count));
            Assert.Equal(employers, NinetyNine.Web.Components.Plurals.Plural(localizer, "BoardPage.EmployerCount", count));
            Assert.Equal(applications, NinetyNine.Web.Components.Plurals.Plural(localizer, "Dashboard.ApplicationsForCoreGroup", count));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [GeneratedRegex(@"\w\((s|en)\)")]
    private static partial Regex LazyPlural();

    [GeneratedRegex(@"\.Plural\(""([A-Za-z_]+\.?[A-Za-z_]+)""")]
    private static partial Regex PluralKey();

    private static void AssertNoneMissing(IEnumerable<string> missing)
    {
        var list = missing.ToList();
        Assert.True(list.Count == 0, "Missing resource keys: " + string.Join(", ", list));
    }

    private static Dictionary<string, string> Read(string relativePath) =>
        XDocument.Load(Path.Combine(Root, relativePath)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);

    private static IEnumerable<string> SourceFiles(string folder, params string[] patterns) =>
        patterns.SelectMany(p => Directory.EnumerateFiles(Path.Combine(Root, folder), p, SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}NinetyNine.Tests{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NinetyNine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found.");
    }

    // L["Key"], L["Key", args] and l["Key"]; interpolated keys are covered by the enum test.
    [GeneratedRegex(@"\b[Ll]\[""([A-Za-z]+\.[A-Za-z]+)""")]
    private static partial Regex UiKey();

    // Text.Get("Key"), new DomainException("Key"), Guard.Text(..., "Field.X") and the like.
    [GeneratedRegex(@"(?:Text\.Get|DomainException|ThrowsCode)\(""([A-Za-z]+\.[A-Za-z]+)""|""(?=Field\.)([A-Za-z]+\.[A-Za-z]+)""")]
    private static partial Regex DomainKey();
}
