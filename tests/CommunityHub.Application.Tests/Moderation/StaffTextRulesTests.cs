using CommunityHub.Application.Administration;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Application.Moderation;
using FluentValidation;

namespace CommunityHub.Application.Tests.Moderation;

/// <summary>What moderators and admins write (reasons members read, the values page, titles) is refused with a
/// message when it holds characters PostgreSQL or the feeds cannot carry, like what members write.</summary>
public sealed class StaffTextRulesTests
{
    // Indexed rather than passed whole: xunit's serialisation of theory data would turn the lone surrogate into U+FFFD.
    private static readonly string[] Unstorable = ["Spam\u0000", "Esc \u001b[31m", "half \ud83d pair"];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Moderation_reasons_the_values_page_and_titles_refuse_control_characters(int index)
    {
        var text = Unstorable[index];
        Refused(new HidePost.Validator(), new HidePost.Command { PostId = 1, Reason = text });
        Refused(new SanctionMember.Validator(TimeProvider.System), new SanctionMember.Command { Sanction = SanctionMember.Sanction.Warn, Reason = text });
        Refused(new ModerateThread.Validator(), new ModerateThread.Command { ThreadId = 1, Change = ModerateThread.Change.Lock, Reason = text });
        Refused(new MoveThread.Validator(), new MoveThread.Command { ThreadId = 1, ToSpaceSlug = "questions", Reason = text });
        Refused(new EditCommunityValues.Validator(), new EditCommunityValues.Command { Body = text });
        Refused(new SetMemberRoles.Validator(), new SetMemberRoles.Command { Staff = true, Title = text });
    }

    [Fact]
    public void A_staff_title_is_checked_whether_or_not_the_role_is_ticked()
    {
        var validator = new SetMemberRoles.Validator();
        Assert.Contains(validator.Validate(new SetMemberRoles.Command { Staff = true, Title = new string('t', 200) }).Errors, e => e.PropertyName == "Title");
        Assert.Contains(validator.Validate(new SetMemberRoles.Command { Title = "Head of Support" }).Errors, e => e.PropertyName == "Title");
    }

    [Fact]
    public void The_same_texts_without_the_control_characters_are_accepted()
    {
        Assert.True(new HidePost.Validator().Validate(new HidePost.Command { PostId = 1, Reason = "Spam, tab\tand\nnewline" }).IsValid);
        Assert.True(new SetMemberRoles.Validator().Validate(new SetMemberRoles.Command { Staff = true, Title = "Head of Support 🎧" }).IsValid);
    }

    private static void Refused<T>(IValidator<T> validator, T command)
    {
        var result = validator.Validate(command);
        Assert.Contains(result.Errors, e => e.ErrorMessage == TextRules.Message);
    }
}
