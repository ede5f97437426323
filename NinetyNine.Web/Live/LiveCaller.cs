using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Live;

/// <summary>
/// Who sends a live command, as the network knows them now (read in the command's own turn), not as the claims of the
/// moment their connection opened: a person deactivated or whose role ended since is refused on the next command.
/// </summary>
public sealed class LiveCaller
{
    private LiveCaller(CurrentMember member, Network network, Person? person, bool isSystem)
    {
        Member = member;
        Network = network;
        Person = person;
        IsSystem = isSystem;
    }

    public CurrentMember Member { get; }
    public Network Network { get; }
    public PersonId PersonId => Member.PersonId;

    /// <summary>The person in the network; null for the server itself.</summary>
    public Person? Person { get; }

    /// <summary>The server acting on its own (a new application put on the agenda): no person, all rights.</summary>
    public bool IsSystem { get; }

    public bool IsActive => IsSystem || Person is { IsActive: true };

    public bool IsCoordinator => IsSystem || (IsActive && Network.HasRole(PersonId, NetworkRole.Coordinator));

    public bool IsCoreGroup => IsCoordinator || Has(NetworkRole.CoreGroupMember);

    public string Name => Person?.Name ?? "?";

    public bool Has(NetworkRole role) => IsSystem || (IsActive && Network.HasRole(PersonId, role));

    /// <summary>The caller as <paramref name="network"/> (just read) says; a member of another network is nobody here.</summary>
    public static LiveCaller Of(CurrentMember member, Network network)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(network);
        var isSystem = member.PersonId == default && member.User.Identity?.AuthenticationType == SystemAuthentication;
        var person = network.Id == member.NetworkId ? network.People.FirstOrDefault(p => p.Id == member.PersonId) : null;
        return new LiveCaller(member, network, person, isSystem);
    }

    /// <summary>The authentication type of the server's own identity.</summary>
    public const string SystemAuthentication = "system";
}
