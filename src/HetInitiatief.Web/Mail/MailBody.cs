using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace HetInitiatief.Mail;

/// <summary>The mail as it travels: the text as written, and an HTML alternative of exactly that text.</summary>
public static partial class MailBody
{
    /// <summary>
    /// The text HTML-escaped (a member's name or note can hold anything), paragraphs kept, and web addresses made
    /// clickable. Only http and https become links; a sentence's closing punctuation stays outside the link.
    /// </summary>
    public static string Html(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"></head>\n<body>\n");
        foreach (var paragraph in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            html.Append("<p>").Append(string.Join("<br>\n", paragraph.Split('\n').Select(Linked))).Append("</p>\n");
        return html.Append("</body></html>\n").ToString();
    }

    private static string Linked(string line)
    {
        var result = new StringBuilder();
        var at = 0;
        foreach (Match link in Address().Matches(line))
        {
            var url = link.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')');
            result.Append(WebUtility.HtmlEncode(line[at..link.Index]));
            var encoded = WebUtility.HtmlEncode(url);
            result.Append("<a href=\"").Append(encoded).Append("\">").Append(encoded).Append("</a>");
            at = link.Index + url.Length;
        }
        return result.Append(WebUtility.HtmlEncode(line[at..])).ToString();
    }

    [GeneratedRegex(@"\bhttps?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    /// <summary>
    /// The MIME message for a stored mail. Its Message-Id comes from the mail's id, so a mail delivered twice after
    /// a crash is recognisably the same message.
    /// </summary>
    public static MimeMessage Mime(OutgoingMail mail, MailboxAddress from)
    {
        var message = new MimeMessage { Subject = mail.Subject, Date = mail.QueuedAt, MessageId = $"{mail.Id:N}@{Domain(from)}" };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Body = new BodyBuilder { TextBody = mail.Body, HtmlBody = Html(mail.Body) }.ToMessageBody();
        return message;
    }

    private static string Domain(MailboxAddress from) => from.Domain is { Length: > 0 } domain ? domain : "het-initiatief.nl";
}
