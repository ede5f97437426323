using System.Globalization;
using System.Resources;
using NinetyNine.Domain.Applications;

namespace NinetyNine.Web.Features.Outbox;

/// <summary>
/// The email an applicant gets after the core group's decision, from the per-outcome templates in
/// <c>Resources/SharedResource(.en).resx</c> (<c>Email.{Outcome}.Subject</c>, <c>Email.{Outcome}.Body</c>).
/// It holds the outcome and, when given, the explanation meant for the applicant; never what individual
/// core group members said.
/// </summary>
public static class ApplicantEmails
{
    /// <summary>Applicants get Dutch unless another language is asked for.</summary>
    public static readonly CultureInfo DefaultCulture = CultureInfo.GetCultureInfo("nl");

    private static readonly ResourceManager Templates = new("NinetyNine.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>
    /// Subject and plain-text body for <paramref name="outcome"/>, addressed to the application's contact person, in
    /// <paramref name="culture"/> (Dutch when null). <paramref name="rationaleForApplicant"/> is the core group's
    /// explanation written for the applicant; left out when empty.
    /// </summary>
    public static ApplicantEmail Compose(Application application, DecisionOutcome outcome, string networkName, string? rationaleForApplicant, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentException.ThrowIfNullOrWhiteSpace(networkName);
        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown decision outcome.");
        }

        culture ??= DefaultCulture;
        var rationale = string.IsNullOrWhiteSpace(rationaleForApplicant)
            ? string.Empty
            : Format("Email.Rationale", culture, rationaleForApplicant.Trim().ReplaceLineEndings("\n")) + "\n\n";
        object[] values = [application.ContactName, application.CompanyName, networkName.Trim(), application.Reference, rationale];
        return new ApplicantEmail(
            application.ContactEmail.Value,
            Format($"Email.{outcome}.Subject", culture, values),
            Format($"Email.{outcome}.Body", culture, values),
            culture.TwoLetterISOLanguageName);
    }

    /// <summary>The composed email as an outbox message about <paramref name="application"/>, ready for <see cref="EmailOutbox.Queue"/>.</summary>
    public static OutboxMessage ToOutboxMessage(this ApplicantEmail email, Application application, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(application);
        return OutboxMessage.Create(application.NetworkId, application.Id, email.To, email.Subject, email.Body, email.Culture, now);
    }

    private static string Format(string key, CultureInfo culture, params object[] values)
    {
        var template = Templates.GetString(key, culture) ?? throw new InvalidOperationException($"The email template '{key}' is missing.");
        return string.Format(culture, template.ReplaceLineEndings("\n"), values);
    }
}

/// <summary>A composed email: recipient, one-line subject, plain-text body and its language (<c>nl</c>, <c>en</c>).</summary>
public sealed record ApplicantEmail(string To, string Subject, string Body, string Culture);
