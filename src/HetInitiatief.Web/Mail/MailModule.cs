using Wolverine;

namespace HetInitiatief.Mail;

/// <summary>All outgoing mail: its settings (one it cannot use stops the start), its outbox and its delivery queue.</summary>
public static class MailModule
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        // Read while building, not bound as IOptions: Wolverine's retry policy for delivery is built with the host and
        // needs the waits now. One read, checked here, so a bad value stops the start naming the setting.
        var mail = MailSettings.Read(builder.Configuration);
        builder.Services.AddMail(mail);
        builder.Services.ConfigureWolverine(options => options.AddOutgoingMail(mail));
        return builder;
    }
}
