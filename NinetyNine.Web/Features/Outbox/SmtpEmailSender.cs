using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace NinetyNine.Web.Features.Outbox;

/// <summary>
/// Production delivery through an SMTP relay (<c>Email:Smtp:Host/Port/User/Password/From</c>), with MailKit.
/// One connection per email: the network sends a handful a week.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host) || string.IsNullOrWhiteSpace(smtp.From))
        {
            throw new InvalidOperationException("SMTP is not configured: set Email:Smtp:Host and Email:Smtp:From.");
        }

        using var mail = new MimeMessage();
        mail.MessageId = $"{message.Id:N}@ninetynine";
        mail.Date = message.CreatedAt;
        mail.From.Add(MailboxAddress.Parse(smtp.From));
        mail.To.Add(MailboxAddress.Parse(message.To));
        mail.Subject = message.Subject;
        mail.Headers.Add(HeaderId.ContentLanguage, message.Culture);
        mail.Body = new TextPart(TextFormat.Plain) { Text = message.Body };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
