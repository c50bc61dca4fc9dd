namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// Test source with every API surface at hand: the policies, their factories, <c>MeshCertificateLifetimes</c>,
/// <c>MeshLifetimeOptions</c> and an options-pattern <c>Configure</c> callback, plus unknown values of each type.
/// </summary>
internal static class MeshCode
{
    public static string Code(string statement) => $$"""
        using System;
        using Golem.MeshPki.Lifetimes;

        public static class Services
        {
            // Microsoft.Extensions.DependencyInjection's Configure<TOptions>(Action<TOptions>), as far as the analyzers care.
            public static void Configure<T>(Action<T> configure) { }
        }

        public static class Mesh
        {
            private const int Percent = 20;
            private const string Month = "720h";
            private const string LongTtl = "2400h";
            private static readonly string Week = "168h";

            public static object Configure(
                WorkloadCertificatePolicy existing,
                IntermediateCaPolicy intermediate,
                MeshCertificateLifetimes lifetimes,
                MeshLifetimeOptions options,
                TimeSpan configured,
                TimeSpan? maybe,
                double ratio,
                int? maybePercent,
                string text)
            {
                {{statement}}
            }
        }
        """;
}
