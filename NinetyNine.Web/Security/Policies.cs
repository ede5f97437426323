using Microsoft.AspNetCore.Authorization;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;

namespace NinetyNine.Web.Security;

/// <summary>Who may do what. Page-level policies by role, object-level checks by resource.</summary>
public static class Policies
{
    /// <summary>Any signed-in person of a network (the default for every page).</summary>
    public const string Member = nameof(Member);

    /// <summary>The network coordinator.</summary>
    public const string Coordinator = nameof(Coordinator);

    /// <summary>Coordinator or core group member.</summary>
    public const string CoreGroup = nameof(CoreGroup);

    /// <summary>The network's pro bono lawyers (advisors) and the coordinator: the legal advice queue.</summary>
    public const string Advisor = nameof(Advisor);

    /// <summary>Object-level: coordinator, or the lead of this theme group (resource: <see cref="ThemeGroupId"/>).</summary>
    public const string EditThemeGroup = nameof(EditThemeGroup);

    public static AuthorizationBuilder AddNinetyNinePolicies(this AuthorizationBuilder builder)
    {
        var member = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(NetworkClaims.Network)
            .Build();
        return builder
            .AddPolicy(Member, member)
            .SetDefaultPolicy(member)
            .SetFallbackPolicy(member)
            .AddPolicy(Coordinator, p => p.Combine(member).RequireAssertion(c => c.User.IsCoordinator()))
            .AddPolicy(CoreGroup, p => p.Combine(member).RequireAssertion(c => c.User.IsCoreGroup()))
            .AddPolicy(Advisor, p => p.Combine(member).RequireAssertion(c => c.User.IsCoordinator() || c.User.HasNetworkRole(NetworkRole.Advisor)))
            .AddPolicy(EditThemeGroup, p => p.Combine(member).AddRequirements(new EditThemeGroupRequirement()));
    }
}

public sealed class EditThemeGroupRequirement : IAuthorizationRequirement;

/// <summary>A lead may edit only the group they lead; the coordinator may edit every group.</summary>
public sealed class EditThemeGroupHandler : AuthorizationHandler<EditThemeGroupRequirement, ThemeGroupId>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, EditThemeGroupRequirement requirement, ThemeGroupId resource)
    {
        if (context.User.CanEditThemeGroup(resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
