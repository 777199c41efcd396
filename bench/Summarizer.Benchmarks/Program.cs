using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Summarizer.Benchmarks.EngineBenchmarks).Assembly).Run(args);
