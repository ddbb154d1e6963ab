using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TinyJwt.Users;

namespace TinyJwt.Tests.Users;

/// <summary>Opening a log torn by a crash (recovered) or otherwise damaged (rejected).</summary>
public class FileUserStoreRecoveryTests
{
    private static readonly string AliceHash = StoredHashes.Alice;
    private static readonly string BobHash = StoredHashes.Bob;
    private static readonly string CarolHash = StoredHashes.Carol;

    private static readonly string AliceLine =
        "{\"kind\":\"register\",\"user\":\"alice\",\"hash\":\"" + AliceHash + "\"}\n";
    private static readonly string BobLine =
        "{\"kind\":\"register\",\"user\":\"bob\",\"hash\":\"" + BobHash + "\"}\n";

    private TempDirectory _temp = null!; // Set in SetUp, before every test.

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
    }

    [TearDown]
    public void TearDown()
    {
        _temp.Dispose();
    }

    // The last record is a registration of a name with a two-byte UTF-8 letter, so some cuts
    // fall inside a character, or the rehash of an existing user. Every cut that leaves the
    // record without its closing brace is torn; the cut before the line feed is tested below.
    [TestCase(false, TestName = "Open_TornRegisterAtEveryOffset_CutsIt")]
    [TestCase(true, TestName = "Open_TornRehashAtEveryOffset_CutsIt")]
    public async Task Open_TornLastRecord_CutsIt(bool lastIsRehash)
    {
        byte[] earlier = await WriteEarlierRecordsAsync();
        byte[] intact = await AppendLastRecordAsync(lastIsRehash);
        Assert.That(intact.AsSpan().StartsWith(earlier), Is.True);

        for (int length = earlier.Length; length < intact.Length - 1; length++)
        {
            File.WriteAllBytes(_temp.LogPath, intact[..length]);
            var log = new List<string>();

            using (FileUserStore store = FileUserStore.Open(_temp.DataDirectory, log.Add))
            {
                AssertEarlierRecordsOnly(store, lastIsRehash, $"cut at byte {length}");
                Assert.That(
                    File.ReadAllBytes(_temp.LogPath),
                    Is.EqualTo(earlier),
                    $"cut at byte {length}");
                Assert.That(
                    log.Count(line => line.StartsWith("Cut an incomplete last record")),
                    Is.EqualTo(length > earlier.Length ? 1 : 0),
                    $"cut at byte {length}");
                AssertSavedTail(intact[earlier.Length..length], $"cut at byte {length}");

                // The repaired log takes new records, and they replay.
                await store.TryAddAsync("dave", CarolHash, CancellationToken.None);
            }

            using (FileUserStore reopened = FileUserStore.Open(_temp.DataDirectory, _ => { }))
            {
                AssertEarlierRecordsOnly(reopened, lastIsRehash, $"reopen after cut at {length}");
                Assert.That(reopened.TryGetPasswordHash("dave", out _), Is.True);
            }
        }
    }

    [TestCase(false, TestName = "Open_RegisterWithoutLineFeed_KeepsIt")]
    [TestCase(true, TestName = "Open_RehashWithoutLineFeed_KeepsIt")]
    public async Task Open_LastRecordWithoutLineFeed_KeepsIt(bool lastIsRehash)
    {
        await WriteEarlierRecordsAsync();
        byte[] intact = await AppendLastRecordAsync(lastIsRehash);
        File.WriteAllBytes(_temp.LogPath, intact[..^1]);
        var log = new List<string>();

        using (FileUserStore store = FileUserStore.Open(_temp.DataDirectory, log.Add))
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(store.TryGetPasswordHash("alice", out _), Is.True);
                Assert.That(store.TryGetPasswordHash("bob", out string? bobHash), Is.True);
                Assert.That(bobHash, Is.EqualTo(lastIsRehash ? CarolHash : BobHash));
                Assert.That(store.TryGetPasswordHash("carolé", out _), Is.EqualTo(!lastIsRehash));
                Assert.That(File.ReadAllBytes(_temp.LogPath), Is.EqualTo(intact));
                Assert.That(log, Has.One.Contains("(line 3) had no final line feed"));
                Assert.That(log, Has.One.Contains("from 3 records"));
                Assert.That(log, Has.None.StartsWith("Cut"));
                Assert.That(SavedTailPaths(), Is.Empty);
            }

            // The next record starts a line of its own instead of joining the kept one.
            await store.TryAddAsync("dave", AliceHash, CancellationToken.None);
        }

        using FileUserStore reopened = FileUserStore.Open(_temp.DataDirectory, _ => { });
        Assert.That(reopened.TryGetPasswordHash("dave", out _), Is.True);
        Assert.That(File.ReadAllLines(_temp.LogPath), Has.Length.EqualTo(4));
    }

    [Test]
    public void Open_TornRecordLog_NeverQuotesRecord()
    {
        Directory.CreateDirectory(_temp.DataDirectory);
        string tornBob = BobLine[..^2];
        File.WriteAllText(_temp.LogPath, AliceLine + tornBob);
        var log = new List<string>();

        using FileUserStore store = FileUserStore.Open(_temp.DataDirectory, log.Add);

        string[] saved = SavedTailPaths();
        Assert.That(saved, Has.Length.EqualTo(1));
        string expectedStart =
            $"Cut an incomplete last record ({tornBob.Length} bytes after line 1)";
        Assert.That(log, Has.One.StartsWith(expectedStart));
        Assert.That(log, Has.One.Contains($"saved the bytes to '{saved[0]}'"));
        Assert.That(log, Has.One.Contains("the line is not valid JSON"));
        Assert.That(string.Join("\n", log), Does.Not.Contain(BobHash));
        Assert.That(store.TryGetPasswordHash("bob", out _), Is.False);
    }

    [Test]
    public void Open_OnlyTornRecord_SaysWholeFile()
    {
        Directory.CreateDirectory(_temp.DataDirectory);
        const string torn = "{\"kind\":\"reg";
        File.WriteAllText(_temp.LogPath, torn);
        var log = new List<string>();

        using FileUserStore store = FileUserStore.Open(_temp.DataDirectory, log.Add);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Has.One.Contains($"({torn.Length} bytes, the whole file)"));
            Assert.That(log, Has.None.Contains("after line 0"));
            Assert.That(new FileInfo(_temp.LogPath).Length, Is.Zero);
            Assert.That(store.Count, Is.Zero);
        }

        AssertSavedTail(Encoding.UTF8.GetBytes(torn), "whole file torn");
    }

    [Test]
    public void Open_TailContradictsEarlierRecord_CutsAndSavesIt()
    {
        // A complete JSON record without its line feed is kept only if it also fits the log.
        Directory.CreateDirectory(_temp.DataDirectory);
        string secondAlice = AliceLine.Replace(AliceHash, BobHash)[..^1];
        File.WriteAllText(_temp.LogPath, AliceLine + secondAlice);
        var log = new List<string>();

        using FileUserStore store = FileUserStore.Open(_temp.DataDirectory, log.Add);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Has.One.Contains("a second register record"));
            Assert.That(store.TryGetPasswordHash("alice", out string? aliceHash), Is.True);
            Assert.That(aliceHash, Is.EqualTo(AliceHash));
            Assert.That(File.ReadAllText(_temp.LogPath), Is.EqualTo(AliceLine));
        }

        AssertSavedTail(Encoding.UTF8.GetBytes(secondAlice), "contradicting tail");
    }

    [Test]
    public void Open_SavedTailNameTaken_SavesUnderNextName()
    {
        Directory.CreateDirectory(_temp.DataDirectory);
        var log = new List<string>();

        // Two starts in one second with a torn record each: the second must not overwrite.
        for (int start = 0; start < 2; start++)
        {
            File.WriteAllText(_temp.LogPath, AliceLine + $"{{\"kind\":\"re{start}");
            using FileUserStore store = FileUserStore.Open(_temp.DataDirectory, log.Add);
        }

        string[] saved = SavedTailPaths();
        Assert.That(saved, Has.Length.EqualTo(2));
        string[] contents = saved.Select(File.ReadAllText).Order().ToArray();
        Assert.That(contents, Is.EqualTo(new[] { "{\"kind\":\"re0", "{\"kind\":\"re1" }));
    }

    [TestCaseSource(nameof(DamagedLogs))]
    public void Open_DamagedLog_ThrowsLeavesFileUnchanged(
        byte[] content,
        int expectedLine,
        string expectedProblem)
    {
        Directory.CreateDirectory(_temp.DataDirectory);
        File.WriteAllBytes(_temp.LogPath, content);

        UserStoreException? exception = Assert.Throws<UserStoreException>(
            () => FileUserStore.Open(_temp.DataDirectory, _ => { }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception!.LineNumber, Is.EqualTo(expectedLine));
            Assert.That(exception.FilePath, Is.EqualTo(_temp.LogPath));
            Assert.That(exception.Message, Does.Contain($"'{_temp.LogPath}'"));
            Assert.That(exception.Message, Does.Contain($"line {expectedLine}:"));
            Assert.That(exception.Message, Does.Contain(expectedProblem));
            Assert.That(exception.Message, Does.Not.Contain(BobHash));
            Assert.That(File.ReadAllBytes(_temp.LogPath), Is.EqualTo(content));
        }

        // The failed start released the lock: a second start fails for the same reason.
        Assert.That(
            () => FileUserStore.Open(_temp.DataDirectory, _ => { }),
            Throws.TypeOf<UserStoreException>().With.Property("LineNumber").EqualTo(expectedLine));
    }

    private static IEnumerable<TestCaseData> DamagedLogs()
    {
        // Lines that are not JSON, or not one JSON object.
        yield return Case("BadJsonInMiddle", 2, "not valid JSON",
            AliceLine + "{\"kind\":\"register\",\"us\n" + BobLine);
        yield return Case("BadJsonOnLastCompleteLine", 2, "not valid JSON",
            AliceLine + BobLine[..^3] + "\n");
        yield return Case("EmptyLineInMiddle", 2, "the line is empty",
            AliceLine + "\n" + BobLine);
        yield return Case("ArrayNotObject", 1, "not a JSON object",
            "[\"register\",\"bob\"]\n");
        yield return Case("TwoObjectsOnOneLine", 1, "not valid JSON",
            AliceLine[..^1] + BobLine);

        // Objects whose members are wrong.
        yield return Case("UnknownKind", 2, "neither \"register\" nor \"rehash\"",
            AliceLine + BobLine.Replace("register", "delete"));
        yield return Case("HashNotString", 2, "\"hash\" is not a string",
            AliceLine + BobLine.Replace($"\"{BobHash}\"", "1"));
        yield return Case("HashMissing", 2, "\"hash\" is missing",
            AliceLine + BobLine.Replace($",\"hash\":\"{BobHash}\"", ""));
        yield return Case("UserEmpty", 2, "\"user\" is missing or empty",
            AliceLine + BobLine.Replace("\"bob\"", "\"\""));
        yield return Case("UserNotNfc", 2, "(NFC)",
            AliceLine + BobLine.Replace("\"bob\"", "\"bo\u0301b\""));
        yield return Case("UnknownMember", 2, "a member other than",
            AliceLine + BobLine.Replace("{", "{\"admin\":\"yes\","));
        yield return Case("DuplicateMember", 2, "\"user\" appears twice",
            AliceLine + BobLine.Replace("}", ",\"user\":\"eve\"}"));
        yield return Case("DuplicateMemberEscaped", 2, "\"kind\" appears twice",
            AliceLine + BobLine.Replace("}", ",\"\\u006bind\":\"register\"}"));

        // Hashes that are not in the stored format, so no password could ever match them.
        const string notStoredFormat = "not a password hash in the stored format";
        string[] bobHashFields = BobHash.Split('$');
        string validSalt = bobHashFields[3];
        string validHash = bobHashFields[4];
        foreach ((string name, string badHash) in new[]
        {
            ("HashPlaintext", "plaintext"),
            ("HashZeroIterations", $"$pbkdf2-sha256$i=0${validSalt}${validHash}"),
            ("HashIterationsOverflow", $"$pbkdf2-sha256$i=99999999999${validSalt}${validHash}"),
            ("HashIterationsOverMax", $"$pbkdf2-sha256$i=2000000000${validSalt}${validHash}"),
            ("HashSaltNotBase64", $"$pbkdf2-sha256$i=1000$!!${validHash}"),
            ("HashEmptyHashSegment", $"$pbkdf2-sha256$i=1000${validSalt}$"),
            ("HashOtherAlgorithm", $"$pbkdf2-sha1$i=1000${validSalt}${validHash}"),
        })
        {
            string content = AliceLine + BobLine.Replace(BobHash, badHash);
            yield return Case(name, 2, notStoredFormat, content);
        }

        yield return Case("RehashHashNotStoredFormat", 2, notStoredFormat,
            AliceLine + AliceLine.Replace("register", "rehash").Replace(AliceHash, "plaintext"));

        // Names that break the rules a request's name must follow, so no request could match.
        yield return Case("UserSurroundedBySpaces", 2, "white space",
            AliceLine + BobLine.Replace("\"bob\"", "\" sp \""));
        yield return Case("UserControlCharacter", 2, "control characters",
            AliceLine + BobLine.Replace("\"bob\"", "\"bo\\u0001b\""));
        yield return Case("UserTooLong", 2, "at most 64 characters",
            AliceLine + BobLine.Replace("\"bob\"", $"\"{new string('b', 65)}\""));
        yield return Case("UserLoneSurrogate", 2, "unpaired UTF-16 surrogate",
            AliceLine + BobLine.Replace("\"bob\"", "\"bo\\ud800b\""));

        // Records that contradict earlier ones.
        yield return Case("RehashForUnknownUser", 2, "a rehash record for a user with no earlier",
            AliceLine + BobLine.Replace("register", "rehash"));
        yield return Case("DuplicateRegister", 3, "registered on line 2",
            AliceLine + BobLine + BobLine);

        // Bytes that are not plain UTF-8 text.
        byte[] invalidUtf8 = Encoding.UTF8.GetBytes(AliceLine + BobLine);
        invalidUtf8[AliceLine.Length + BobLine.IndexOf("bob", StringComparison.Ordinal)] = 0xFF;
        yield return new TestCaseData(invalidUtf8, 2, "not valid UTF-8")
            .SetName("Open_InvalidUtf8_Throws");

        byte[] byteOrderMark = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(AliceLine)];
        yield return new TestCaseData(byteOrderMark, 1, "byte order mark")
            .SetName("Open_ByteOrderMark_Throws");
    }

    private static TestCaseData Case(string name, int expectedLine, string problem, string content)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(content);
        return new TestCaseData(bytes, expectedLine, problem).SetName($"Open_{name}_Throws");
    }

    // Registers alice and bob in a new log and returns its bytes.
    private async Task<byte[]> WriteEarlierRecordsAsync()
    {
        using (FileUserStore store = FileUserStore.Open(_temp.DataDirectory, _ => { }))
        {
            await store.TryAddAsync("alice", AliceHash, CancellationToken.None);
            await store.TryAddAsync("bob", BobHash, CancellationToken.None);
        }

        return File.ReadAllBytes(_temp.LogPath);
    }

    // Appends carol's registration or bob's rehash and returns the log's bytes.
    private async Task<byte[]> AppendLastRecordAsync(bool lastIsRehash)
    {
        using (FileUserStore store = FileUserStore.Open(_temp.DataDirectory, _ => { }))
        {
            if (lastIsRehash)
            {
                await store.TryUpdatePasswordHashAsync(
                    "bob",
                    CarolHash,
                    BobHash,
                    CancellationToken.None);
            }
            else
            {
                await store.TryAddAsync("carolé", CarolHash, CancellationToken.None);
            }
        }

        return File.ReadAllBytes(_temp.LogPath);
    }

    private string[] SavedTailPaths()
    {
        return Directory.GetFiles(_temp.DataDirectory, "users.jsonl.torn-*");
    }

    // Checks that exactly the cut bytes were saved, owner-only, then deletes the copy so that
    // the next cut in a loop starts from an empty folder.
    private void AssertSavedTail(byte[] expected, string cut)
    {
        string[] saved = SavedTailPaths();
        Assert.That(saved, Has.Length.EqualTo(expected.Length > 0 ? 1 : 0), cut);
        if (saved.Length == 0)
        {
            return;
        }

        Assert.That(File.ReadAllBytes(saved[0]), Is.EqualTo(expected), cut);
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(
                File.GetUnixFileMode(saved[0]),
                Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite),
                cut);
        }

        File.Delete(saved[0]);
    }

    private static void AssertEarlierRecordsOnly(FileUserStore store, bool lastIsRehash, string cut)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.TryGetPasswordHash("alice", out string? aliceHash), Is.True, cut);
            Assert.That(aliceHash, Is.EqualTo(AliceHash), cut);
            Assert.That(store.TryGetPasswordHash("bob", out string? bobHash), Is.True, cut);
            Assert.That(bobHash, Is.EqualTo(BobHash), cut);
            Assert.That(store.TryGetPasswordHash("carolé", out _), Is.False, cut);
        }
    }
}
