using System.Security.Claims;
using Microsoft.AspNetCore.SignalR.Client;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Meetings.Live;

/// <summary>Builds the Blazor page's own connection to a hub of this app, signed in with a fresh ticket on every (re)connect.</summary>
public sealed class HubConnections(HubTicketAuthentication.HubTickets tickets)
{
    public HubConnection Create(Uri hubUrl, ClaimsPrincipal user) =>
        new HubConnectionBuilder()
            .WithUrl(hubUrl, o => o.AccessTokenProvider = () => Task.FromResult<string?>(tickets.Issue(user)))
            .WithAutomaticReconnect(new KeepTrying())
            .Build();

    /// <summary>A phone call can lose the network for a while: keep trying, quickly at first.</summary>
    private sealed class KeepTrying : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            TimeSpan.FromSeconds(retryContext.PreviousRetryCount switch { 0 => 0, 1 => 1, 2 => 2, _ => 5 });
    }
}
