using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Tests.Domain;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Boards;

namespace NinetyNine.Tests.BadInput;

/// <summary>A card's owner and employers are people and employers of the board's own network, never a made-up or foreign id.</summary>
public sealed class CardMembershipTests
{
    [Fact]
    public void Owner_and_employers_of_the_network_pass_and_foreign_or_made_up_ids_are_refused()
    {
        using var culture = UiCulture.Dutch();
        var sample = SampleNetwork.Create();
        var other = SampleNetwork.Create("99van-elders");
        var fields = CardFields.New("Kaart") with { OwnerId = sample.Baker.Id, Employers = [sample.Bakery.Id], Funding = FundingStatus.BeingArranged, FundedBy = sample.Garage.Id };

        Assert.Same(fields, fields.EnsurePartOf(sample.Network));
        var owner = DomainFixtures.ThrowsCode("Board.OwnerNotInNetwork", () => (fields with { OwnerId = other.Baker.Id }).EnsurePartOf(sample.Network));
        DomainFixtures.ThrowsCode("Board.OwnerNotInNetwork", () => (fields with { OwnerId = PersonId.New() }).EnsurePartOf(sample.Network));
        DomainFixtures.ThrowsCode("Board.EmployerNotInNetwork", () => (fields with { Employers = [sample.Bakery.Id, other.Garage.Id] }).EnsurePartOf(sample.Network));
        DomainFixtures.ThrowsCode("Board.EmployerNotInNetwork", () => (fields with { FundedBy = EmployerId.New() }).EnsurePartOf(sample.Network));
        DomainFixtures.ThrowsCode("Board.EmployerNotInNetwork", () => (fields with { FundedBy = default(EmployerId) }).EnsurePartOf(sample.Network));
        Assert.Equal("De eigenaar van de kaart hoort niet bij dit netwerk.", owner.Message);
    }

    [Fact]
    public void What_the_card_already_holds_does_not_block_an_edit_of_another_field()
    {
        var sample = SampleNetwork.Create();
        var stale = CardFields.New("Kaart") with { OwnerId = PersonId.New(), Employers = [EmployerId.New()] };

        var edited = (stale with { Title = "Nieuwe titel" }).EnsurePartOf(sample.Network, current: stale);

        Assert.Equal("Nieuwe titel", edited.Title);
    }
}

/// <summary>The board service applies the rule to every card a client adds or edits.</summary>
public sealed class CardMembershipServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_client_cannot_put_a_made_up_owner_or_employer_on_a_card()
    {
        var boards = app.Services.GetRequiredService<BoardService>();
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var boardId = (await boards.BoardOfAsync(coordinator, await app.ThemeGroupIdAsync("Werkgelegenheid creëren")))!.Value;
        var snapshot = (await boards.SnapshotAsync(coordinator, boardId))!;
        var network = await app.NetworkAsync();
        var good = BoardService.StateOf(CardFields.New("Eigen mensen") with { OwnerId = network.People[0].Id, Employers = [network.Employers[0].Id] });

        var foreignOwner = await boards.AddCardAsync(coordinator, boardId, Guid.NewGuid(), snapshot.Columns[0].Id,
            good with { Title = "Vreemde eigenaar", OwnerId = Guid.NewGuid() });
        var added = await boards.AddCardAsync(coordinator, boardId, Guid.NewGuid(), snapshot.Columns[0].Id, good);
        var foreignEmployer = await boards.EditCardAsync(coordinator, boardId, Guid.NewGuid(), added.CardId!.Value, good,
            good with { Employers = [Guid.NewGuid()] });

        Assert.False(foreignOwner.Accepted);
        Assert.Equal("De eigenaar van de kaart hoort niet bij dit netwerk.", foreignOwner.Error);
        Assert.True(added.Accepted, added.Error);
        Assert.False(foreignEmployer.Accepted);
        Assert.Equal("Kies werkgevers die aan dit netwerk deelnemen.", foreignEmployer.Error);
        var after = (await boards.SnapshotAsync(coordinator, boardId))!;
        Assert.DoesNotContain(after.Cards, c => c.Fields.Title == "Vreemde eigenaar");
    }
}
