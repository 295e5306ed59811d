using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HetInitiatief.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace HetInitiatief.Tests.Mail;

/// <summary>The pure parts of mail: the HTML alternative, which failures are final, which certificate is trusted, the settings.</summary>
public sealed class MailDecisionTests
{
    [Fact]
    public void Given_a_text_with_markup_and_links_then_the_html_escapes_the_markup_and_makes_only_web_links_clickable()
    {
        var html = MailBody.Html("Anna schrijft:\n\n<script>alert(1)</script> & meer\nKlik javascript:alert(2) niet.\n\nWord lid via https://example.nl/registreren?uitnodiging=a&b=c.");

        html.ShouldContain("<p>Anna schrijft:</p>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer<br>\nKlik javascript:alert(2) niet.");
        html.ShouldNotContain("<script>");
        html.ShouldContain("<a href=\"https://example.nl/registreren?uitnodiging=a&amp;b=c\">https://example.nl/registreren?uitnodiging=a&amp;b=c</a>.</p>");
        html.ShouldNotContain("href=\"javascript");
    }

    [Fact]
    public void Given_a_stored_mail_then_its_message_is_text_with_an_html_alternative_and_a_message_id_from_the_mail()
    {
        var mail = OutgoingMail.Queue(Guid.NewGuid(), new MailMessageToSend("lid@school.example", "Onderwerp", "Zie https://example.nl"), DateTimeOffset.UtcNow);

        var message = MailBody.Mime(mail, new MailboxAddress("Het Initiatief", "noreply@het-initiatief.nl"));

        message.Body.ShouldBeOfType<MultipartAlternative>();
        (message.TextBody, message.MessageId).ShouldBe(("Zie https://example.nl", $"{mail.Id:N}@het-initiatief.nl"));
        message.HtmlBody!.ShouldContain("<a href=\"https://example.nl\">");
    }

    [Fact]
    public void Only_a_5xx_refusal_of_the_recipient_or_the_message_is_final()
    {
        MailDelivery.IsPermanent(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "550")).ShouldBeTrue();
        MailDelivery.IsPermanent(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "554")).ShouldBeTrue();
        MailDelivery.IsPermanent(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy, "450")).ShouldBeFalse();
        MailDelivery.IsPermanent(new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxUnavailable, "550")).ShouldBeFalse();
        MailDelivery.IsPermanent(new SocketException((int)SocketError.ConnectionRefused)).ShouldBeFalse();
        MailDelivery.IsPermanent(new AuthenticationException("535")).ShouldBeFalse();
    }

    [Fact]
    public void A_certificate_is_trusted_when_the_machine_trusts_it_or_it_is_exactly_the_configured_one()
    {
        using var configured = SelfSigned();
        using var other = SelfSigned();

        MailDelivery.Trusts(other, SslPolicyErrors.None, null).ShouldBeTrue();
        MailDelivery.Trusts(configured, SslPolicyErrors.RemoteCertificateChainErrors, configured).ShouldBeTrue();
        MailDelivery.Trusts(other, SslPolicyErrors.RemoteCertificateChainErrors, configured).ShouldBeFalse();
        MailDelivery.Trusts(other, SslPolicyErrors.RemoteCertificateChainErrors, null).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Mail:SmtpSecurity", "Altijd")]
    [InlineData("Mail:SmtpPort", "0")]
    [InlineData("Mail:SmtpPort", "poort")]
    [InlineData("Mail:From", "geen adres")]
    [InlineData("Mail:RetryDelays", "00:01:00,morgen")]
    [InlineData("Mail:SmtpCertificate", "/bestaat/niet.pem")]
    public void A_setting_the_platform_cannot_use_stops_start_up_naming_it(string setting, string value)
    {
        Should.Throw<InvalidOperationException>(() => MailSettings.Read(Configuration((setting, value)))).Message.ShouldContain(setting);
    }

    [Fact]
    public void More_retries_than_wolverine_allows_stop_start_up_and_no_settings_mean_the_outbox_folder_and_the_default_retries()
    {
        var tooMany = string.Join(",", Enumerable.Repeat("00:00:01", MailSettings.MaxRetries + 1));
        Should.Throw<InvalidOperationException>(() => MailSettings.Read(Configuration(("Mail:RetryDelays", tooMany)))).Message.ShouldContain("Mail:RetryDelays");

        var defaults = MailSettings.Read(Configuration());
        (defaults.SmtpConfigured, defaults.SmtpPort, defaults.SmtpSecurity, defaults.RetryDelays).ShouldBe((false, 25, SecureSocketOptions.Auto, MailSettings.DefaultRetryDelays));
        MailSettings.Read(Configuration(("Mail:SmtpSecurity", "starttls"), ("Mail:SmtpHost", "smtp.example.nl"))).SmtpSecurity.ShouldBe(SecureSocketOptions.StartTls);
        MailSettings.Read(Configuration(("Mail:SmtpSecurity", "Tls"))).SmtpSecurity.ShouldBe(SecureSocketOptions.SslOnConnect);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
