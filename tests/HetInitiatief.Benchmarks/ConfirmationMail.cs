using System.Text.RegularExpressions;

namespace HetInitiatief.Benchmarks;

/// <summary>
/// Members write nothing for others until they confirm their address (issue 12), so every bench member opens the
/// link the app mailed them, as a teacher does. With no SMTP server the app writes each mail to this folder; each
/// file is read once, however many members wait for theirs.
/// </summary>
public sealed partial class ConfirmationMail(string folder)
{
    private readonly Dictionary<string, string> _tokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _read = [];
    private readonly SemaphoreSlim _scan = new(1, 1);

    public string Folder => folder;

    public async Task<string> TokenAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            await _scan.WaitAsync();
            try
            {
                Scan();
                if (_tokens.TryGetValue(address, out var token)) return token;
            }
            finally
            {
                _scan.Release();
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No confirmation mail to {address} in {folder} within 60 seconds");
    }

    private void Scan()
    {
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            if (_read.Contains(file)) continue;
            string text;
            try { text = File.ReadAllText(file); }
            catch (IOException) { continue; } // still being written: the next scan reads it
            // Quoted-printable breaks long lines with "=" and writes "=" as "=3D".
            var plain = text.Replace("=\r\n", "").Replace("=3D", "=");
            var to = ToHeader().Match(plain);
            var link = Link().Match(plain);
            if (!to.Success || !link.Success) continue;
            _read.Add(file);
            var address = to.Groups[1].Value.Trim();
            if (address.IndexOf('<') is var open and >= 0 && address.IndexOf('>', open) is var close and > 0) address = address[(open + 1)..close];
            _tokens[address] = link.Groups[1].Value;
        }
    }

    [GeneratedRegex(@"(?m)^To: *(.+?)\r?$")]
    private static partial Regex ToHeader();

    [GeneratedRegex(@"/e-mailadres-bevestigen\?token=([0-9a-f]{64})")]
    private static partial Regex Link();
}
