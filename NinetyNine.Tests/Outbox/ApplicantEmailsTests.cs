using System.Globalization;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Web.Features.Outbox;

namespace NinetyNine.Tests.Outbox;

/// <summary>The decision email, composed from the per-outcome templates: no database, no app.</summary>
public sealed class ApplicantEmailsTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    internal static Application SampleApplication(string kvk = "87654321") => Application.Submit(
        NetworkId.New(),
        new SubmitApplication
        {
            CompanyName = "Bakkerij De Korenschoof",
            Kvk = kvk,
            Sector = "Voeding",
            Town = "Almelo",
            Employees = 40,
            ContactName = "Femke Nijhuis",
            ContactEmail = "femke@korenschoof.example",
            Motivation = "Wij willen twee banen creëren.",
            Offers = Offer.Jobs,
        },
        new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(DecisionOutcome.Admitted, "nl", "Welkom bij 99vanTwente", "toe te laten als deelnemende werkgever", "netwerkcoördinator neemt binnenkort contact")]
    [InlineData(DecisionOutcome.Declined, "nl", "Uw aanmelding bij 99vanTwente", "niet toe te laten", "veel succes")]
    [InlineData(DecisionOutcome.Deferred, "nl", "nog geen besluit", "volgende kerngroepoverleg", "nog geen besluit genomen")]
    [InlineData(DecisionOutcome.Admitted, "en", "Welcome to 99vanTwente", "admit you as a participating employer", "coordinator will contact you soon to arrange your onboarding")]
    [InlineData(DecisionOutcome.Declined, "en", "Your application to 99vanTwente", "not to admit you", "every success")]
    [InlineData(DecisionOutcome.Deferred, "en", "no decision yet", "next core group meeting", "not reached a decision yet")]
    public void Each_outcome_is_composed_in_Dutch_and_English_with_company_and_reference(
        DecisionOutcome outcome, string language, string subjectText, string bodyText, string moreBodyText)
    {
        var application = SampleApplication();

        var email = ApplicantEmails.Compose(application, outcome, "99vanTwente", null, CultureInfo.GetCultureInfo(language));

        Assert.Equal("femke@korenschoof.example", email.To);
        Assert.Equal(language, email.Culture);
        Assert.Contains(subjectText, email.Subject, StringComparison.Ordinal);
        Assert.Contains(application.Reference, email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', email.Subject);
        Assert.StartsWith(language == "nl" ? "Beste Femke Nijhuis," : "Dear Femke Nijhuis,", email.Body, StringComparison.Ordinal);
        Assert.Contains("Bakkerij De Korenschoof", email.Body, StringComparison.Ordinal);
        Assert.Contains(application.Reference, email.Body, StringComparison.Ordinal);
        Assert.Contains(bodyText, email.Body, StringComparison.Ordinal);
        Assert.Contains(moreBodyText, email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("{", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_applicant_gets_Dutch_by_default()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = English;
        try
        {
            var email = ApplicantEmails.Compose(SampleApplication(), DecisionOutcome.Declined, "99vanTwente", null);

            Assert.Equal("nl", email.Culture);
            Assert.StartsWith("Beste Femke Nijhuis,", email.Body, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void The_explanation_for_the_applicant_is_included_when_given_and_left_out_otherwise()
    {
        var application = SampleApplication();

        var with = ApplicantEmails.Compose(application, DecisionOutcome.Declined, "99vanTwente", "  Uw bedrijf is gevestigd buiten de regio Twente.  ");
        var without = ApplicantEmails.Compose(application, DecisionOutcome.Declined, "99vanTwente", "   ");

        Assert.Contains("Toelichting van de kerngroep:\nUw bedrijf is gevestigd buiten de regio Twente.\n\n", with.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Toelichting", without.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_typed_by_people_is_data_not_template()
    {
        var email = ApplicantEmails.Compose(SampleApplication(), DecisionOutcome.Deferred, "99vanTwente", "Zie {0} en {1}", CultureInfo.GetCultureInfo("en"));

        Assert.Contains("Zie {0} en {1}", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_composed_email_becomes_an_outbox_message_about_the_application()
    {
        var application = SampleApplication();
        var now = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

        var message = ApplicantEmails.Compose(application, DecisionOutcome.Admitted, "99vanTwente", null).ToOutboxMessage(application, now);

        Assert.Equal(application.NetworkId, message.NetworkId);
        Assert.Equal(application.Id, message.ApplicationId);
        Assert.Equal("femke@korenschoof.example", message.To);
        Assert.Equal("nl", message.Culture);
        Assert.Equal(now, message.CreatedAt);
        Assert.Equal(7, message.Id.Version);
        Assert.Null(message.SentAt);
        Assert.Equal(0, message.Attempts);
    }

    [Fact]
    public void A_recorded_error_is_capped_and_counted()
    {
        var application = SampleApplication();
        var message = ApplicantEmails.Compose(application, DecisionOutcome.Admitted, "99vanTwente", null).ToOutboxMessage(application, DateTimeOffset.UnixEpoch);

        message.MarkFailed(new string('x', 5000));

        Assert.Equal(1, message.Attempts);
        Assert.Equal(OutboxMessage.LastErrorMaxLength, message.LastError!.Length);
    }
}
