using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Features.Outbox;

/// <summary>
/// Development and test delivery: each email becomes a readable <c>.eml</c> file in <c>&lt;DataDirectory&gt;/outbox/</c>,
/// and the log says which file (never the address or the text: logs carry no personal data).
/// </summary>
public sealed class FileEmailSender(string folder, IOptions<EmailOptions> options, ILogger<FileEmailSender> logger) : IEmailSender
{
    public const string FolderName = "outbox";

    public string Folder { get; } = folder;

    public static string FolderFor(IConfiguration configuration, IHostEnvironment environment) =>
        Path.Combine(DatabaseSetup.DataDirectory(configuration, environment), FolderName);

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var from = options.Value.Smtp.From ?? options.Value.From ?? "NinetyNine <noreply@ninetynine.invalid>";
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Message-ID: <{message.Id:N}@ninetynine>\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {message.CreatedAt:R}\r\n")
            .Append(CultureInfo.InvariantCulture, $"From: {from}\r\n")
            .Append(CultureInfo.InvariantCulture, $"To: {message.To}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Subject: {message.Subject}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Language: {message.Culture}\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("\r\n")
            .Append(message.Body.ReplaceLineEndings("\r\n"))
            .Append("\r\n")
            .ToString();
        var path = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"{message.CreatedAt.UtcDateTime:yyyyMMdd-HHmmss}-{message.Id:N}.eml"));
        // Written whole under a temporary name first, so a reader never sees half an email.
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        File.Move(temporary, path, overwrite: true);
        logger.LogInformation("Email {MessageId} written to {File}", message.Id, Path.GetFileName(path));
    }
}
