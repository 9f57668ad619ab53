using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using CommunityHub.Application.Attachments;
using CommunityHub.Application.Common.Persistence;
using CommunityHub.Domain.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityHub.Infrastructure.Attachments;

/// <summary>Attachments in an S3-compatible bucket. What a use case puts is uploaded when its unit of work completes
/// (after the rows are saved, before the transaction commits): if the bucket refuses or is away, the use case fails
/// with a sentence for the member and nothing is published with a missing file. What it deletes goes only after the
/// transaction committed: until then the old rows may still be what everyone reads (and stay so if the use case fails),
/// so their copies must stay too. A delete that fails is logged and left: an orphan in the bucket, never a broken image.</summary>
public sealed class S3AttachmentStore(S3Bucket bucket, ILogger<S3AttachmentStore> logger) : IAttachmentStore, IUnitOfWorkParticipant
{
    public const string Unavailable = "The file storage is not answering, so nothing was saved or posted. Try again in a moment.";

    private readonly List<(string Key, byte[] Content, string MediaType)> _pending = [];
    private readonly List<string> _deleting = [];

    public void Put(string key, byte[] content, string mediaType) => _pending.Add((key, content, mediaType));

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        try
        {
            foreach (var (key, content, mediaType) in _pending)
            {
                await bucket.PutAsync(key, content, mediaType, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is AmazonServiceException or HttpRequestException or IOException or AmazonClientException)
        {
            logger.LogError(exception, "Storing {Count} attachment copies in the bucket failed", _pending.Count);
            throw new DomainException(Unavailable);
        }

        _pending.Clear();
    }

    public void Reset()
    {
        _pending.Clear();
        _deleting.Clear();
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => bucket.GetAsync(key, cancellationToken);

    /// <summary>Noted now, deleted once the use case has committed (<see cref="CommittedAsync"/>).</summary>
    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _deleting.AddRange(keys);
        return Task.CompletedTask;
    }

    public async Task CommittedAsync(CancellationToken cancellationToken)
    {
        var keys = _deleting.ToList();
        _deleting.Clear();
        for (var i = 0; i < keys.Count; i++)
        {
            try
            {
                await bucket.DeleteAsync(keys[i], cancellationToken);
            }
            catch (Exception exception) when (exception is AmazonServiceException or HttpRequestException or IOException or AmazonClientException or OperationCanceledException)
            {
                // The change is committed and no longer points at these copies: left behind, they are only orphans.
                // The rest are not tried: a bucket that failed one would most likely fail them all, slowly.
                logger.LogWarning(exception, "Deleting {Key} from the bucket failed; it and {Remaining} more objects stay as orphans", keys[i], keys.Count - i - 1);
                return;
            }
        }
    }
}

/// <summary>The configured bucket (one client for the process), created on first use when missing.</summary>
public sealed class S3Bucket : IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly S3StorageOptions _options;
    private readonly SemaphoreSlim _creating = new(1, 1);
    private bool _exists;

    public S3Bucket(IOptions<AttachmentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.S3;
        var config = new AmazonS3Config
        {
            ForcePathStyle = _options.ForcePathStyle,
            // Checksums only where S3 requires them: compatible servers do not all read the newer trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromSeconds(30),
            MaxErrorRetry = 2,
        };
        if (!string.IsNullOrEmpty(_options.ServiceUrl))
        {
            config.ServiceURL = _options.ServiceUrl;
            config.AuthenticationRegion = _options.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(_options.Region);
        }

        _client = string.IsNullOrEmpty(_options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(_options.AccessKey, _options.SecretKey), config);
    }

    private string KeyOf(string key) => _options.KeyPrefix + key;

    public async Task PutAsync(string key, byte[] content, string mediaType, CancellationToken cancellationToken)
    {
        await EnsureBucketAsync(cancellationToken);
        using var stream = new MemoryStream(content, writable: false);
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = KeyOf(key),
            InputStream = stream,
            ContentType = mediaType,
            UseChunkEncoding = false,
            AutoCloseStream = false,
        }, cancellationToken);
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetObjectAsync(_options.Bucket, KeyOf(key), cancellationToken);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await _client.DeleteObjectAsync(_options.Bucket, KeyOf(key), cancellationToken);

    /// <summary>Every key in the bucket under the prefix (for moving files between stores).</summary>
    public async IAsyncEnumerable<string> KeysAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = _options.KeyPrefix, ContinuationToken = token }, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                yield return item.Key[_options.KeyPrefix.Length..];
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
    }

    private async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        if (_exists)
        {
            return;
        }

        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (!_exists)
            {
                try
                {
                    await _client.PutBucketAsync(new PutBucketRequest { BucketName = _options.Bucket }, cancellationToken);
                }
                catch (AmazonS3Exception exception) when (exception.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists" or "AccessDenied")
                {
                    // Made earlier, by us or by whoever set the store up (who may not have let us create buckets).
                }

                _exists = true;
            }
        }
        finally
        {
            _creating.Release();
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _creating.Dispose();
    }
}
