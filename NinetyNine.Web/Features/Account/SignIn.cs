using FluentValidation;
using Microsoft.Extensions.Localization;

namespace NinetyNine.Web.Features.Account;

/// <summary>What a person types on the sign-in page.</summary>
public sealed class SignIn
{
    public string Email { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public bool RememberMe { get; set; }
}

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage(_ => l["SignIn.EmailRequired"])
            .EmailAddress().WithMessage(_ => l["SignIn.EmailInvalid"]);
        RuleFor(x => x.Password).NotEmpty().WithMessage(_ => l["SignIn.PasswordRequired"]);
    }
}
