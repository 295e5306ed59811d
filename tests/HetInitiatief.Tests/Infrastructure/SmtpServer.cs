using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MimeKit;

namespace HetInitiatief.Tests.Infrastructure;

/// <summary>What the SMTP server wrote down about a session: whether it ran over TLS and who signed in.</summary>
public sealed record SmtpSession(bool Tls, bool Authenticated, string? User, IReadOnlyList<string> Recipients);

public sealed record ReceivedMail(MimeMessage Message, SmtpSession Session);

/// <summary>
/// A real SMTP server (aiosmtpd, installed by ops/install-prerequisites.sh) requiring STARTTLS and a login, with a
/// certificate openssl makes for it. It can be stopped and started again on the same port, and told to refuse a
/// recipient for good (550).
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    public const string User = "platform";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"het-initiatief-smtp-{Guid.NewGuid():N}");
    private Process? _process;

    public int Port { get; } = AppProcess.FreePort();

    public string Password { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The server's certificate, which the app is told to trust (<c>Mail:SmtpCertificate</c>).</summary>
    public string Certificate => Path.Combine(_folder, "cert.pem");

    private string Received => Path.Combine(_folder, "received");

    public static async Task<SmtpServer> StartAsync()
    {
        var server = new SmtpServer();
        Directory.CreateDirectory(server._folder);
        await RunAsync("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", Path.Combine(server._folder, "key.pem"), "-out", server.Certificate);
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var script = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp_server.py");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, Port.ToString(), Received, Certificate, Path.Combine(_folder, "key.pem"), User, Password })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        // Drained as it comes, so warnings can never fill the pipe and stall the server.
        var errors = new System.Text.StringBuilder();
        _process.ErrorDataReceived += (_, line) => { lock (errors) errors.AppendLine(line.Data); };
        _process.BeginErrorReadLine();
        var ready = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready != "ready")
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            lock (errors) throw new InvalidOperationException($"The SMTP server did not start: {errors}");
        }
    }

    /// <summary>Stops the server: connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        _process = null;
    }

    public void Refuse(string address) => File.AppendAllLines(Path.Combine(Received, "reject.txt"), [address]);

    public void StopRefusing() => File.Delete(Path.Combine(Received, "reject.txt"));

    /// <summary>Every message the server accepted for this address, in the order it accepted them.</summary>
    public IReadOnlyList<ReceivedMail> To(string address) =>
        Directory.Exists(Received)
            ? Directory.GetFiles(Received, "*.eml").Order()
                .Select(file => new ReceivedMail(MimeMessage.Load(file),
                    JsonSerializer.Deserialize<SmtpSession>(File.ReadAllText(Path.ChangeExtension(file, ".json")), Json)!))
                .Where(m => m.Session.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase))
                .ToList()
            : [];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder in the temp directory is harmless.
        }
    }


    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {await errors}");
    }
}
