using System.Security.Cryptography;
using System.Text;

namespace HetInitiatief.Members;

/// <summary>
/// The secret in a link that opens an account (a password reset, an address confirmation): 32 random bytes, mailed
/// as hex; only its SHA-256 hash is stored, so whoever reads the database cannot use a link that is still valid.
/// </summary>
public static class LinkTokens
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
