namespace CommunityHub.Domain.Threads;

public static class PostLimits
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 50_000;
}
