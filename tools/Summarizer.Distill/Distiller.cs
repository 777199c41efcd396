using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Summarizer.Distill;

/// <summary>
/// One static vector per WordPiece token, the model2vec way: the encoder's output for the token alone,
/// "[CLS] token [SEP]", mean-pooled without CLS and SEP (so the one position in between).
/// </summary>
internal static class Distiller
{
    private const int Batch = 512;

    public static double[][] TokenVectors(byte[] model, string[] vocabulary, int[] tokens)
    {
        int cls = Array.IndexOf(vocabulary, "[CLS]"), sep = Array.IndexOf(vocabulary, "[SEP]");
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(model, options);
        var output = session.OutputMetadata.Keys.First(); // last_hidden_state
        var vectors = new double[tokens.Length][];
        for (var start = 0; start < tokens.Length; start += Batch)
        {
            var count = Math.Min(Batch, tokens.Length - start);
            var ids = new DenseTensor<long>([count, 3]);
            var mask = new DenseTensor<long>([count, 3]);
            var types = new DenseTensor<long>([count, 3]); // all segment 0
            for (var b = 0; b < count; b++)
            {
                (ids[b, 0], ids[b, 1], ids[b, 2]) = (cls, tokens[start + b], sep);
                (mask[b, 0], mask[b, 1], mask[b, 2]) = (1, 1, 1);
            }
            var inputs = session.InputMetadata.Keys.Select(name => NamedOnnxValue.CreateFromTensor(name,
                name.Contains("mask", StringComparison.Ordinal) ? mask : name.Contains("type", StringComparison.Ordinal) ? types : ids)).ToList();
            using var results = session.Run(inputs, [output]);
            var hidden = results[0].AsTensor<float>();
            var width = hidden.Dimensions[2];
            for (var b = 0; b < count; b++)
            {
                var vector = new double[width];
                for (var d = 0; d < width; d++)
                {
                    vector[d] = hidden[b, 1, d];
                }
                vectors[start + b] = vector;
            }
        }
        return vectors;
    }
}
