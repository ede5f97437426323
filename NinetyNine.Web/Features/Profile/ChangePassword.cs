using FluentValidation;
using Microsoft.Extensions.Localization;
using NinetyNine.Web.Features.Account;

namespace NinetyNine.Web.Features.Profile;

/// <summary>What a signed-in person types to change their password.</summary>
public sealed class ChangePassword
{
    public string Current { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string Repeat { get; set; } = string.Empty;
}

/// <summary>The current password, and a new one by the same rules as on the welcome and reset pages.</summary>
public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Current).NotEmpty().WithMessage(_ => l["Profile.Password.CurrentRequired"]);
        RuleFor(x => x.Password).MinimumLength(ChoosePasswordValidator.MinLength).WithMessage(_ => l["Welcome.TooShort", ChoosePasswordValidator.MinLength])
            .NotEqual(x => x.Current).WithMessage(_ => l["Profile.Password.Same"]);
        RuleFor(x => x.Repeat).Equal(x => x.Password).WithMessage(_ => l["Welcome.NoMatch"]);
    }
}
