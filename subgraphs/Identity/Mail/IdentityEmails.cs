using System.Net;
using GoShop.BuildingBlocks.Mail;

namespace GoShop.Identity.Mail;

/// <summary>The messages identity sends.</summary>
public static class IdentityEmails
{
    public static EmailMessage PasswordResetCode(string to, string name, string code, int minutes) => new(
        to,
        $"Your GoShop password reset code: {code}",
        $"""
        Hi {name},

        Someone (hopefully you) asked to reset the password of your GoShop account.
        Your code is: {code}

        It works once and expires in {minutes} minutes. If you did not ask for it, ignore this message:
        your password stays as it is.

        The GoShop team
        """,
        $"""
        <p>Hi {WebUtility.HtmlEncode(name)},</p>
        <p>Someone (hopefully you) asked to reset the password of your GoShop account. Your code is:</p>
        <p style="font-size:28px;font-weight:bold;letter-spacing:6px">{code}</p>
        <p>It works once and expires in {minutes} minutes. If you did not ask for it, ignore this message:
        your password stays as it is.</p>
        <p>The GoShop team</p>
        """);

    public static EmailMessage PasswordChanged(string to, string name) => new(
        to,
        "Your GoShop password was changed",
        $"""
        Hi {name},

        The password of your GoShop account was just changed, and every other session was signed out.
        If this was not you, reset your password right away and contact support.

        The GoShop team
        """,
        $"""
        <p>Hi {WebUtility.HtmlEncode(name)},</p>
        <p>The password of your GoShop account was just changed, and every other session was signed out.</p>
        <p>If this was not you, reset your password right away and contact support.</p>
        <p>The GoShop team</p>
        """);
}
