using Microsoft.Extensions.Options;

namespace NinetyNine.Web.Features.Outbox;

public static class OutboxServices
{
    /// <summary>
    /// The outbox, its dispatcher and the sender chosen by <c>Email:Sender</c>: <c>file</c> (the default in Development
    /// and Testing) writes into <c>&lt;DataDirectory&gt;/outbox/</c>; <c>smtp</c> (the default elsewhere) sends through MailKit.
    /// </summary>
    public static IServiceCollection AddEmailOutbox(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection(EmailOptions.Section);
        services.AddOptions<EmailOptions>().Bind(section);

        var sender = section[nameof(EmailOptions.Sender)] is { Length: > 0 } configured
            ? configured.Trim().ToLowerInvariant()
            : environment.IsDevelopment() || environment.IsEnvironment("Testing") ? EmailOptions.FileSender : EmailOptions.SmtpSender;
        switch (sender)
        {
            case EmailOptions.FileSender:
                var folder = FileEmailSender.FolderFor(configuration, environment);
                services.AddSingleton<IEmailSender>(sp => new FileEmailSender(
                    folder, sp.GetRequiredService<IOptions<EmailOptions>>(), sp.GetRequiredService<ILogger<FileEmailSender>>()));
                break;
            case EmailOptions.SmtpSender:
                services.AddSingleton<IEmailSender, SmtpEmailSender>();
                break;
            default:
                throw new InvalidOperationException($"Email:Sender '{sender}' is not supported; use 'file' or 'smtp'.");
        }

        services.AddSingleton<EmailOutbox>();
        services.AddScoped<OutboxQueries>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
