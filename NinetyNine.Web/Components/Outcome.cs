using Microsoft.Extensions.Localization;
using NinetyNine.Domain.Common;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Components;

/// <summary>Turns the expected failures of a save into a message for the person; anything else is a bug and rethrown.</summary>
public static class Outcome
{
    public static bool TryDescribe(Exception error, IStringLocalizer<SharedResource> l, out string message)
    {
        ArgumentNullException.ThrowIfNull(l);
        message = error switch
        {
            DomainException e => e.Message,
            ConcurrencyConflictException => l["Outcome.Conflict"],
            ForbiddenException => l["Outcome.Forbidden"],
            FluentValidation.ValidationException e => string.Join(" ", e.Errors.Select(x => x.ErrorMessage).Distinct()),
            _ => string.Empty,
        };
        return message.Length > 0;
    }
}
