using System.Globalization;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;

namespace NinetyNine.Tests.Domain;

/// <summary>Shared builders and assertions for the domain tests.</summary>
internal static class DomainFixtures
{
    /// <summary>A Monday; the network's first core group meeting (09:00) is on this day.</summary>
    public static readonly DateOnly Today = new(2026, 1, 12);

    public static MeetingCadence Cadence() => new(Today, new TimeOnly(9, 0));

    public static EmailAddress Email(string value) => EmailAddress.Parse(value);

    public static Network FoundNetwork(string slug = "99van-utrecht", string coordinatorEmail = "coco@99van.nl") =>
        Network.Found("99van Utrecht", slug, "Utrecht", Cadence(), "Coco Coördinator", Email(coordinatorEmail),
            "De Normaalste Zaak", Today);

    /// <summary>Asserts that <paramref name="act"/> throws a <see cref="DomainException"/> with the given resource key.</summary>
    public static DomainException ThrowsCode(string code, Action act)
    {
        var exception = Assert.Throws<DomainException>(act);
        Assert.Equal(code, exception.Code);
        return exception;
    }
}

/// <summary>
/// A founded network with two active employers, a person for each, a lawyer who represents no
/// participating employer, and the founding coordinator.
/// </summary>
internal sealed class SampleNetwork
{
    private SampleNetwork(Network network)
    {
        Network = network;
        Coordinator = network.Coordinator;
        Bakery = network.AddEmployer("Bäckerei Ünal & Zn.", KvkNumber.Parse("12345678"), "Voeding", "Utrecht",
            DomainFixtures.Today, 5);
        Garage = network.AddEmployer("Garage De Vries", KvkNumber.Parse("87654321"), "Automotive", "Zeist",
            DomainFixtures.Today, 2);
        Baker = network.AddPerson("Ayşe Ünal", DomainFixtures.Email("ayse@bakkerij.nl"), employerId: Bakery.Id);
        Mechanic = network.AddPerson("Piet de Vries", DomainFixtures.Email("piet@garagedevries.nl"), employerId: Garage.Id);
        Lawyer = network.AddPerson("Mr. L. Advocaat", DomainFixtures.Email("l.advocaat@kantoor.nl"), organisation: "Advocatenkantoor");
    }

    public Network Network { get; }
    public Person Coordinator { get; }
    public Employer Bakery { get; }
    public Employer Garage { get; }
    public Person Baker { get; }
    public Person Mechanic { get; }
    public Person Lawyer { get; }

    public static SampleNetwork Create(string slug = "99van-utrecht") => new(DomainFixtures.FoundNetwork(slug));
}

/// <summary>Sets the current UI culture for the lifetime of the object, then restores the previous one.</summary>
internal sealed class UiCulture : IDisposable
{
    private readonly CultureInfo _previous;

    public UiCulture(string name)
    {
        _previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    public static UiCulture Dutch() => new("nl-NL");

    public static UiCulture English() => new("en-GB");

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;
}
