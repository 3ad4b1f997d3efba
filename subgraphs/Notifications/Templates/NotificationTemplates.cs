using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using GoShop.Notifications.GraphQL.Mutations;
using GoShop.Notifications.GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.Templates;

/// <summary>Admins' side of the templates: read the one in use, preview a new one, save it once it checks out.</summary>
public sealed class NotificationTemplates(NotificationsDbContext db, TemplateRenderer renderer, TimeProvider clock)
{
    public async Task<TemplateView?> FindAsync(string kindName, string language, CancellationToken cancellationToken)
    {
        if (NotificationKinds.Find(kindName) is not { } kind || !Recipient.Languages.Contains(language))
            return null;
        var custom = await db.Templates.AsNoTracking().Where(t => t.Kind == kind.Name && t.Language == language)
            .OrderByDescending(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        if (custom is not null)
            return new TemplateView(kind.Name, language, custom.Title, custom.Body, Variables(kind), true, custom.CreatedAt);
        var (title, body) = TemplateRenderer.Shipped(kind, language);
        return new TemplateView(kind.Name, language, title, body, Variables(kind), false, null);
    }

    public async Task<TemplatePreview> PreviewAsync(CreateNotificationTemplateInput input, CancellationToken cancellationToken)
    {
        var checkedTemplate = await CheckAsync(input);
        return checkedTemplate.Succeeded
            ? new TemplatePreview(checkedTemplate.Value.Rendered.Title, checkedTemplate.Value.Rendered.Body, [])
            : new TemplatePreview(null, null, checkedTemplate.Errors);
    }

    public async Task<TemplatePayload> CreateAsync(CreateNotificationTemplateInput input, Guid adminId, CancellationToken cancellationToken)
    {
        var checkedTemplate = await CheckAsync(input);
        if (!checkedTemplate.Succeeded)
            return new TemplatePayload { UserErrors = checkedTemplate.Errors };
        var saved = NotificationTemplate.Create(checkedTemplate.Value.Kind.Name, input.Language, input.Title.Trim(), input.Body.Trim(), adminId, clock.GetUtcNow());
        db.Templates.Add(saved);
        await db.SaveChangesAsync(cancellationToken);
        return new TemplatePayload
        {
            Template = new TemplateView(saved.Kind, saved.Language, saved.Title, saved.Body, Variables(checkedTemplate.Value.Kind), true, saved.CreatedAt),
        };
    }

    private async Task<Checked> CheckAsync(CreateNotificationTemplateInput input)
    {
        var check = new InputCheck()
            .Text(input.Title, "title", NotificationTemplate.MaxTitleLength)
            .Text(input.Body, "body", NotificationTemplate.MaxBodyLength);
        var kind = NotificationKinds.Find(input.Kind);
        if (kind is null)
            check.Add(NotificationErrors.UnknownKind(input.Kind));
        if (!Recipient.Languages.Contains(input.Language))
            check.Add(NotificationErrors.UnsupportedLanguage(input.Language));
        if (check.HasErrors)
            return new Checked(check.Errors);
        var rendered = await renderer.CheckAsync(kind!, input.Title, input.Body);
        return rendered.Succeeded ? new Checked([], (kind!, rendered.Value)) : new Checked([UserError.From(rendered.Error)]);
    }

    private static List<string> Variables(NotificationKind kind) => [.. NotificationKinds.CommonVariables, .. kind.Variables];

    private sealed record Checked(IReadOnlyList<UserError> Errors, (NotificationKind Kind, RenderedMessage Rendered) Value = default)
    {
        public bool Succeeded => Errors.Count == 0;
    }
}
