using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Profile;

/// <summary>What a signed-in person sees and keeps up to date about themselves.</summary>
public sealed record ProfileView(string Name, string? Phone, string Email, string? Organisation, string Language, int NetworkVersion);

/// <summary>A person's own profile: their name and phone live on the network's <see cref="Person"/>, their language on the account.</summary>
public sealed class ProfileService(IDbContextFactory<NinetyNineDb> dbFactory, IValidator<ChangeContactDetails> validator, ILogger<ProfileService> logger)
{
    public async Task<ProfileView> LoadAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        var person = network.PersonById(member.PersonId);
        var language = await db.Users.Where(u => u.PersonId == member.PersonId && u.NetworkId == member.NetworkId)
            .Select(u => u.Language).FirstOrDefaultAsync(cancellationToken);
        var organisation = person.EmployerId is { } employerId ? network.EmployerById(employerId).Name : person.Organisation;
        return new ProfileView(person.Name, person.Phone, person.Email.Value, organisation, language ?? "nl", network.Version);
    }

    /// <summary>
    /// Saves the person's own name and phone against the network version they saw (a save by someone else meanwhile is a
    /// <see cref="ConcurrencyConflictException"/>); returns the new version.
    /// </summary>
    public async Task<int> SaveContactDetailsAsync(CurrentMember member, int seenVersion, ChangeContactDetails command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(command);
        await validator.ValidateAndThrowAsync(command, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        db.Entry(network).Property(n => n.Version).OriginalValue = seenVersion;
        network.ChangeContactDetails(member.PersonId, command.Name, command.Phone);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("A person changed their own contact details");
        return network.Version;
    }
}
