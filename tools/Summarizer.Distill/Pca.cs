namespace Summarizer.Distill;

/// <summary>Principal components by a cyclic Jacobi eigen-decomposition of the covariance (384 × 384 is small).</summary>
internal static class Pca
{
    public static (float[][] Projected, double KeptVariance) Project(double[][] rows, int dimensions)
    {
        var width = rows[0].Length;
        if (dimensions < 1 || dimensions > width)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), $"between 1 and {width}");
        }
        var mean = new double[width];
        foreach (var row in rows)
        {
            for (var j = 0; j < width; j++)
            {
                mean[j] += row[j] / rows.Length;
            }
        }
        var centred = rows.Select(r => r.Select((x, j) => x - mean[j]).ToArray()).ToArray();
        var a = new double[width, width];
        foreach (var row in centred)
        {
            for (var j = 0; j < width; j++)
            {
                for (var k = j; k < width; k++)
                {
                    a[j, k] += row[j] * row[k];
                }
            }
        }
        for (var j = 0; j < width; j++)
        {
            for (var k = j; k < width; k++)
            {
                a[j, k] /= rows.Length - 1;
                a[k, j] = a[j, k];
            }
        }
        var v = Jacobi(a);
        var order = Enumerable.Range(0, width).OrderByDescending(j => a[j, j]).Take(dimensions).ToArray();
        var total = Enumerable.Range(0, width).Sum(j => a[j, j]);
        var projected = centred.Select(row => order.Select(c =>
        {
            double sum = 0;
            for (var k = 0; k < width; k++)
            {
                sum += row[k] * v[k, c];
            }
            return (float)sum;
        }).ToArray()).ToArray();
        return (projected, order.Sum(j => a[j, j]) / total);
    }

    /// <summary>Diagonalises the symmetric matrix in place; returns the eigenvectors as columns.</summary>
    private static double[,] Jacobi(double[,] a)
    {
        var n = a.GetLength(0);
        var v = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            v[j, j] = 1;
        }
        for (var sweep = 0; sweep < 50; sweep++)
        {
            double off = 0;
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    off += a[p, q] * a[p, q];
                }
            }
            if (off < 1e-20)
            {
                break;
            }
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (a[p, q] == 0)
                    {
                        continue;
                    }
                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = (theta >= 0 ? 1 : -1) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    Rotate(a, v, n, p, q, c, s);
                }
            }
        }
        return v;
    }

    private static void Rotate(double[,] a, double[,] v, int n, int p, int q, double c, double s)
    {
        for (var k = 0; k < n; k++)
        {
            (a[k, p], a[k, q]) = (c * a[k, p] - s * a[k, q], s * a[k, p] + c * a[k, q]);
        }
        for (var k = 0; k < n; k++)
        {
            (a[p, k], a[q, k]) = (c * a[p, k] - s * a[q, k], s * a[p, k] + c * a[q, k]);
        }
        for (var k = 0; k < n; k++)
        {
            (v[k, p], v[k, q]) = (c * v[k, p] - s * v[k, q], s * v[k, p] + c * v[k, q]);
        }
    }
}
