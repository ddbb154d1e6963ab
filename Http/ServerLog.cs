using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace TinyJwt.Http;

/// <summary>
/// Line log written by one background task, so a request never waits for the terminal.
/// </summary>
/// <remarks>
/// Lines go to a bounded queue. When the output cannot keep up, new lines are dropped and
/// counted, and the count is written once the queue drains, so a flood cannot exhaust memory.
/// Callers must never pass a secret, password, hash or token.
/// </remarks>
public sealed class ServerLog : IAsyncDisposable
{
    private const int QueueCapacity = 10_000;

    // The writer rests this long after each batch, so that under load one wake-up and one write
    // to the output carry many lines instead of a few. Lines reach the output up to this late.
    private static readonly TimeSpan s_batchInterval = TimeSpan.FromMilliseconds(20);

    private readonly Channel<LogItem> _lines;
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly Task _writer;
    private long _dropped;

    /// <summary>Starts the writer: lines go to output, stack traces to error.</summary>
    public ServerLog(TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        _output = output;
        _error = error;
        _lines = Channel.CreateBounded<LogItem>(new BoundedChannelOptions(QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });
        _writer = Task.Run(WriteLinesAsync);
    }

    /// <summary>Queues one line; drops and counts it when the queue is full.</summary>
    public void Write(string line)
    {
        if (!_lines.Writer.TryWrite(new LogItem(line, null)))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Logs a caught server error: type and message as a line, stack to error.</summary>
    public void WriteError(string context, Exception exception)
    {
        string message = exception.Message.ReplaceLineEndings(" ");
        Write($"{Timestamp()} ERROR {context}: {exception.GetType().Name}: {message}");
        lock (_error)
        {
            _error.WriteLine($"{context}: {exception}");
            _error.Flush();
        }
    }

    /// <summary>Returns the current UTC time in the log's format.</summary>
    public static string Timestamp(DateTimeOffset? now = null)
    {
        DateTimeOffset time = now ?? DateTimeOffset.UtcNow;
        return time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
    }

    /// <summary>Waits until every line queued so far is written and flushed.</summary>
    public async Task FlushAsync()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The marker is queued behind the lines, so it is reached only after they are written.
        while (!_lines.Writer.TryWrite(new LogItem(null, flushed)))
        {
            await Task.Delay(10);
        }

        await flushed.Task;
    }

    /// <summary>Writes every queued line, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLinesAsync()
    {
        ChannelReader<LogItem> reader = _lines.Reader;
        var flushRequests = new List<TaskCompletionSource>();
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out LogItem item))
            {
                if (item.Line is not null)
                {
                    _output.WriteLine(item.Line);
                }

                if (item.Flushed is not null)
                {
                    flushRequests.Add(item.Flushed);
                }
            }

            long dropped = Interlocked.Exchange(ref _dropped, 0);
            if (dropped > 0)
            {
                _output.WriteLine($"{Timestamp()} {dropped} log lines dropped: output too slow");
            }

            // Flush once per drained batch, not per line: one system call for many lines.
            await _output.FlushAsync();
            foreach (TaskCompletionSource flushed in flushRequests)
            {
                flushed.SetResult();
            }

            flushRequests.Clear();
            await Task.Delay(s_batchInterval);
        }
    }

    // A line to write, or a flush marker to complete once the lines before it are written.
    private readonly record struct LogItem(string? Line, TaskCompletionSource? Flushed);
}
