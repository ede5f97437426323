using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Account;
using NinetyNine.Web.Features.Meetings;

namespace NinetyNine.Web.Features.Setup;

/// <summary>The outcome of founding: the new network, or what is wrong, per field of <see cref="FoundNetwork"/> (empty field: the whole form).</summary>
public sealed record FoundingOutcome(FoundedNetwork? Founded, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => Founded is not null;

    public static FoundingOutcome Refused(string field, string message) => new(null, [(field, message)]);
}

/// <summary>
/// Founds a network (from the set-up page or the <c>network create</c> command): validates the form, checks that the
/// web address is free and the coordinator has no account yet, saves the network with its theme groups and onboarding
/// template in one go, invites the coordinator (an account without a password and the welcome email, through the outbox)
/// and plans the first meetings of the series.
/// </summary>
public sealed class NetworkFounding(IDbContextFactory<NinetyNineDb> dbFactory, IValidator<FoundNetwork> validator, UserManager<UserAccount> users,
    Invitations invitations, MeetingSeriesService series, FirstStart firstStart, IStringLocalizer<SharedResource> l, TimeProvider time,
    ILogger<NetworkFounding> logger)
{
    /// <summary>The first network of the installation, from the set-up page: only with this run's code and while none exists.</summary>
    public async Task<FoundingOutcome> FoundFirstAsync(string? code, FoundNetwork form, Uri appBase, CancellationToken cancellationToken = default)
    {
        if (!firstStart.Accepts(code))
        {
            logger.LogWarning("Set-up refused: wrong set-up code");
            return FoundingOutcome.Refused(string.Empty, l["Setup.WrongCode"]);
        }

        await firstStart.Gate.WaitAsync(cancellationToken);
        try
        {
            if (!await firstStart.IsOpenAsync(cancellationToken))
            {
                return FoundingOutcome.Refused(string.Empty, l["Setup.AlreadyDone"]);
            }

            var outcome = await FoundAsync(form, appBase, cancellationToken);
            if (outcome.Succeeded)
            {
                firstStart.Close();
            }

            return outcome;
        }
        finally
        {
            firstStart.Gate.Release();
        }
    }

    /// <summary>A network, founded by someone at the machine (the command line): no code needed.</summary>
    public async Task<FoundingOutcome> FoundAsync(FoundNetwork form, Uri appBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(appBase);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return new FoundingOutcome(null, [.. validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage))]);
        }

        var slug = form.Slug.Trim().ToLowerInvariant();
        var email = form.CoordinatorEmail.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Networks.AnyAsync(n => n.Slug == slug, cancellationToken))
        {
            return FoundingOutcome.Refused(nameof(FoundNetwork.Slug), Text.Get("Network.SlugTaken"));
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return FoundingOutcome.Refused(nameof(FoundNetwork.CoordinatorEmail), l["Setup.EmailHasAccount"]);
        }

        FoundedNetwork founded;
        try
        {
            founded = form.Found(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), time.GetUtcNow());
        }
        catch (DomainException e)
        {
            return FoundingOutcome.Refused(string.Empty, e.Message);
        }

        db.Networks.Add(founded.Network);
        db.ThemeGroups.AddRange(founded.ThemeGroups);
        db.OnboardingTemplates.Add(founded.Onboarding);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Founded with the same web address at the same moment: the unique index kept the other one.
            return FoundingOutcome.Refused(nameof(FoundNetwork.Slug), Text.Get("Network.SlugTaken"));
        }

        var network = founded.Network;
        var coordinator = network.Coordinator;
        await invitations.InviteAsync(network.Id, coordinator.Id, coordinator.Email.Value, coordinator.Name, network.Name, null, appBase,
            ("Setup.Email.Subject", "Setup.Email.Body"), cancellationToken);
        await series.EnsureUpcomingAsync(network.Id, cancellationToken);
        logger.LogInformation("Founded a network with {ThemeGroups} theme groups", founded.ThemeGroups.Count);
        return new FoundingOutcome(founded, []);
    }
}
