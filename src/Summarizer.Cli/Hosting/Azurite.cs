using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Summarizer.Cli.Hosting;

/// <summary>
/// Azurite, the local storage emulator, run from the repository's <c>node_modules</c> (installed with npm when missing).
/// Used by <c>summarizer serve</c> when development storage is configured and nothing listens, and by the tests.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    /// <summary>Azurite's published development account key: a well-known constant, not a secret.</summary>
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Two emulators started at once (parallel test fixtures) must not both run npm in the same folder.</summary>
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private readonly Process _process;

    private Azurite(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        ConnectionString = ConnectionStringFor(blobPort, queuePort, tablePort);
    }

    public string ConnectionString { get; }

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    /// <summary>True for <c>UseDevelopmentStorage=true</c>: Azurite on its default ports.</summary>
    public static bool IsDevelopmentStorage(string? connectionString) =>
        connectionString?.Replace(" ", "", StringComparison.Ordinal).Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase) == true;

    public static bool IsListening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Starts Azurite on the given ports; <paramref name="dataDirectory"/> null keeps everything in memory.</summary>
    public static async Task<Azurite> StartAsync(int blobPort, int queuePort, int tablePort, string? dataDirectory, Action<string>? report, CancellationToken cancellationToken)
    {
        var root = FindRepositoryRoot();
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(script))
            {
                report?.Invoke("Installing Azurite with npm (first run only)…");
                await RunToEndAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], root, cancellationToken);
            }
        }
        finally
        {
            InstallLock.Release();
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])[script, "--silent", "--skipApiVersionCheck", "--loose",
                     "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}",
                     "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
                     "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}"])
        {
            start.ArgumentList.Add(arg);
        }
        if (dataDirectory is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataDirectory);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node to run Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { report?.Invoke($"azurite: {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new Azurite(process, blobPort, queuePort, tablePort);
        var deadline = Stopwatch.StartNew();
        while (!(IsListening(blobPort) && IsListening(queuePort) && IsListening(tablePort)))
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                await azurite.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not start on ports {blobPort}, {queuePort}, {tablePort} (is one taken?).");
            }
            await Task.Delay(100, cancellationToken);
        }
        return azurite;
    }

    /// <summary>Three free loopback ports, for an Azurite of one's own.</summary>
    public static (int Blob, int Queue, int Table) FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners)
        {
            listener.Start();
        }
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners)
        {
            listener.Stop();
        }
        return (ports[0], ports[1], ports[2]);
    }

    /// <summary>The folder with the package.json that pins Azurite: above the current directory or the program.</summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in (string[])[Environment.CurrentDirectory, AppContext.BaseDirectory])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var packageJson = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(packageJson) && File.ReadAllText(packageJson).Contains("\"azurite\"", StringComparison.Ordinal))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Azurite is needed but the repository's package.json was not found; run from the repository, or start Azurite yourself.");
    }

    /// <summary>Stops Azurite as Ctrl+C does, so it writes its data folder out; killed if it has not stopped in 5 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited && !OperatingSystem.IsWindows())
        {
            using var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await interrupt.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                // Still running: killed below.
            }
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static async Task RunToEndAsync(string file, string[] args, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', args)}' failed with exit code {process.ExitCode}.");
        }
    }
}
