using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Summarizer.Core;
using Summarizer.Pipeline.Http;

namespace Summarizer.Cli.Hosting;

/// <summary>Who may call the local host's API: settings <c>Summarizer:ApiKey</c> and <c>Summarizer:CorsOrigins</c>.</summary>
public sealed class ApiAccessOptions
{
    /// <summary>
    /// The key callers send as <c>x-functions-key</c> (or <c>?code=</c>), as with the Functions app in Azure. Not needed
    /// while the host listens on loopback only; required as soon as other machines can reach it.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Web origins whose pages may call the API from a browser (CORS); none by default.</summary>
    public string[] CorsOrigins { get; set; } = [];

    public bool RequiresKey => !string.IsNullOrEmpty(ApiKey);
}

/// <summary>The API key check and CORS, set up once for the local host.</summary>
public static partial class ApiAccess
{
    public const string KeyHeader = "x-functions-key";
    private const string CorsPolicy = "api-origins";

    // Like the Functions app: health and the contract need no key.
    private static readonly string[] OpenPaths = ["/api/health", "/api/openapi.json"];

    // Like the Functions app: the newsroom page's static files need no key; the API calls it makes do.
    private const string NewsroomPagePath = "/api/newsroom";

    public static IServiceCollection AddApiAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiAccessOptions>().Bind(configuration.GetSection(PipelineNames.OptionsSection)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiAccessOptions>>(new ApiAccessValidator(configuration));
        var origins = configuration.GetSection($"{PipelineNames.OptionsSection}:{nameof(ApiAccessOptions.CorsOrigins)}").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "DELETE")
            .WithHeaders("Content-Type", "If-None-Match", KeyHeader)
            .WithExposedHeaders("ETag", "Location", "Retry-After")));
        return services;
    }

    public static WebApplication UseApiAccess(this WebApplication app)
    {
        // Read as bound, not through IOptions: a host that may not serve without a key fails when it starts, as other bad settings do.
        var options = app.Configuration.GetSection(PipelineNames.OptionsSection).Get<ApiAccessOptions>() ?? new();
        app.UseCors(CorsPolicy);
        LogAccess(app.Logger, options.RequiresKey ? "an API key (x-functions-key header or ?code=)" : "no API key (loopback only)");
        if (options.RequiresKey)
        {
            var expected = Encoding.UTF8.GetBytes(options.ApiKey!);
            app.Use(async (context, next) =>
            {
                var path = context.Request.Path;
                if (!path.StartsWithSegments("/api") || OpenPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase))
                    || path.StartsWithSegments(NewsroomPagePath) || HttpMethods.IsOptions(context.Request.Method))
                {
                    await next(context);
                    return;
                }
                var presented = context.Request.Headers[KeyHeader].FirstOrDefault() ?? context.Request.Query["code"].FirstOrDefault() ?? string.Empty;
                if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected))
                {
                    await next(context);
                    return;
                }
                await ApiProblem.Unauthorized.With($"This API needs its key: send it in the {KeyHeader} header (or as ?code=).").ExecuteAsync(context);
            });
        }
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The API asks for {Access}.")]
    private static partial void LogAccess(ILogger logger, string access);

    /// <summary>A host other machines can reach must not serve the API without a key.</summary>
    private sealed class ApiAccessValidator(IConfiguration configuration) : IValidateOptions<ApiAccessOptions>
    {
        public ValidateOptionsResult Validate(string? name, ApiAccessOptions options)
        {
            var urls = (configuration["Urls"] ?? "http://localhost:7071").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var reachable = urls.Where(url => !IsLoopback(url)).ToList();
            return reachable.Count == 0 || options.RequiresKey
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Summarizer:ApiKey is required: the host listens on {string.Join(", ", reachable)}, which other machines can reach. Set Summarizer__ApiKey (callers send it as {KeyHeader}), or listen on localhost only.");
        }

        private static bool IsLoopback(string url)
        {
            // Kestrel's wildcards ("http://*:80", "http://+:80") are not URIs; they listen on every address.
            var host = url.Split("://", 2) is [_, var rest] ? rest.Split('/')[0] : url;
            host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
            return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address);
        }
    }
}
