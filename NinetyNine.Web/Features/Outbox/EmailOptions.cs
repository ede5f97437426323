namespace NinetyNine.Web.Features.Outbox;

/// <summary>The <c>Email</c> configuration section. Secrets (the SMTP password) come from the environment or user secrets, never the repository.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";
    public const string FileSender = "file";
    public const string SmtpSender = "smtp";

    /// <summary><c>file</c> (written under the data folder and logged; the default in Development and Testing) or <c>smtp</c> (the default elsewhere).</summary>
    public string? Sender { get; set; }

    /// <summary>How often the dispatcher looks for unsent email.</summary>
    public int DispatchSeconds { get; set; } = 10;

    /// <summary>The sender address of the file sender's files when SMTP's <c>From</c> is not set.</summary>
    public string? From { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        public string? User { get; set; }
        public string? Password { get; set; }

        /// <summary>The sender address, optionally with a name: <c>99vanTwente &lt;noreply@example.org&gt;</c>.</summary>
        public string? From { get; set; }
    }
}
