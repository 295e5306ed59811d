using Alba;
using HetInitiatief.Members;
using HetInitiatief.Notifications;
using HetInitiatief.Tests.Infrastructure;
using Npgsql;

namespace HetInitiatief.Tests.Members;

/// <summary>
/// The AVG/GDPR promise checked the hard way: after a member who did a bit of everything deletes their
/// account, no column of any table in the database — events, documents, Wolverine's envelopes — still
/// holds their name or e-mail address.
/// </summary>
public sealed class ForgottenEverywhereTests(AppFixture app)
{
    [Fact]
    public async Task After_deleting_an_account_no_table_holds_the_name_or_the_email_address()
    {
        // Given Vera, who filled in her profile, asked, probed, joined, signed up, forgot her password and mistyped it.
        var name = $"Vera Vergeetmij{Guid.NewGuid().ToString("N")[..6]}";
        var leaver = await app.Host.RegisterMemberAsync(name);
        var colleague = await app.Host.RegisterMemberAsync();
        await app.Host.UpdateProfileAsync(leaver, new { school = $"School van {name}", sector = "po",
            about = $"Ik ben {name}." });
        var own = await app.Host.PostQuestionAsync(leaver);
        var theirs = await app.Host.PostQuestionAsync(colleague);
        await app.Host.AskFollowUpAsync(leaver, theirs.QuestionId, "Wat heb je zelf al geprobeerd?");
        var coalition = await app.Host.FormCoalitionAsync(colleague, theirs.QuestionId);
        await app.Host.JoinAsync(leaver, coalition.CoalitionId);
        (await app.Host.GetsNotifiedAsync(colleague, NotificationKinds.JoinedMyCoalition)).ShouldBeTrue();
        var session = await app.Host.ScheduleSessionAsync(colleague);
        await app.Host.SignUpAsync(leaver, session.SessionId);
        // In the kennisbank she published with a file, used a colleague's product and then co-authored it, and invited them.
        var product = await app.Host.PublishProductAsync(leaver);
        using (var attached = await app.Host.AttachAsync(leaver, product.ProductId, "woordweb.pdf", "application/pdf", KennisbankSteps.APdf()))
            attached.EnsureSuccessStatusCode();
        await app.Host.InviteCoAuthorAsync(leaver, product.ProductId, colleague.Id);
        var colleagues = await app.Host.PublishProductAsync(colleague);
        await app.Host.InviteCoAuthorAsync(colleague, colleagues.ProductId, leaver.Id);
        await app.Host.Scenario(x => { x.Post.Json(new { note = "Gebruikt in groep 6." }).ToUrl($"/api/kennisbank/{colleagues.ProductId}/uses"); x.As(leaver); x.StatusCodeShouldBe(201); });
        await app.Host.AnswerCoAuthorshipAsync(leaver, colleagues.ProductId, accept: true);
        (await app.Host.GetsNotifiedAsync(colleague, NotificationKinds.CoAuthorInvited)).ShouldBeTrue();
        await app.Host.Scenario(x => { x.Post.Json(new { email = leaver.Email }).ToUrl("/api/auth/password-reset"); x.StatusCodeShouldBe(202); });
        await app.Host.Scenario(x => { x.Post.Json(new { email = leaver.Email, password = "niet-mijn-wachtwoord-1" }).ToUrl("/api/auth/token"); x.StatusCodeShouldBe(401); });
        (await FindAsync(leaver.Email)).ShouldNotBeEmpty();

        // When she deletes her account.
        await app.Host.DeleteAccountAsync(leaver);

        // Then neither her name nor her address is anywhere, and her question is still there for the colleague.
        (await FindAsync(name)).ShouldBeEmpty();
        (await FindAsync(leaver.Email)).ShouldBeEmpty();
        (await app.Host.GetQuestionAsync(colleague, own.QuestionId)).Owner.Name.ShouldBe(MemberProfile.FormerMember);
        (await app.Host.NotificationsAsync(colleague)).Notifications.ShouldContain(n => n.Text.StartsWith(MemberProfile.FormerMember));
        (await app.Host.GetProductAsync(colleague, colleagues.ProductId)).Authors.Select(a => a.Name).ShouldContain(MemberProfile.FormerMember);
        (await app.Host.GetProductAsync(colleague, product.ProductId)).Attachments.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task On_request_what_the_member_wrote_is_blanked_too_and_what_others_wrote_stays()
    {
        var leaver = await app.Host.RegisterMemberAsync();
        var colleague = await app.Host.RegisterMemberAsync();
        var third = await app.Host.RegisterMemberAsync();
        var own = await app.Host.PostQuestionAsync(leaver, QuestionSteps.AQuestion("Hoe leer ik mijn klas samenwerken zonder meeliftgedrag?"));
        await app.Host.AskFollowUpAsync(colleague, own.QuestionId, "Wat doe je nu al aan rolverdeling?");
        var theirs = await app.Host.PostQuestionAsync(colleague);
        await app.Host.AskFollowUpAsync(leaver, theirs.QuestionId, "Heb je het al eens met tweetallen geprobeerd?");
        await app.Host.AskFollowUpAsync(third, theirs.QuestionId, "Wat doen je leerlingen als het stil wordt?");

        var product = await app.Host.PublishProductAsync(leaver, KennisbankSteps.AProduct("Rollenkaarten tegen meeliftgedrag"));
        using (var attached = await app.Host.AttachAsync(leaver, product.ProductId, "rollenkaarten-klas.pdf", "application/pdf", KennisbankSteps.APdf()))
            attached.EnsureSuccessStatusCode();
        await app.Host.InviteCoAuthorAsync(leaver, product.ProductId, colleague.Id);
        await app.Host.AnswerCoAuthorshipAsync(colleague, product.ProductId, accept: true);
        await app.Host.ReviseProductAsync(colleague, product.ProductId, KennisbankSteps.ARevision(4, "Rollenkaarten, versie van de collega"));

        await app.Host.DeleteAccountAsync(leaver, blankContributions: true);

        var ownNow = await app.Host.GetQuestionAsync(colleague, own.QuestionId);
        (ownNow.Title, ownNow.Owner.Name).ShouldBe((Contributions.Blanked, MemberProfile.FormerMember));
        ownNow.FollowUps.ShouldHaveSingleItem().Text.ShouldBe("Wat doe je nu al aan rolverdeling?");
        var theirsNow = await app.Host.GetQuestionAsync(colleague, theirs.QuestionId);
        theirsNow.FollowUps.Select(f => f.Text).ShouldBe([Contributions.Blanked, "Wat doen je leerlingen als het stil wordt?"]);
        theirsNow.Title.ShouldBe("Hoe geef ik betere woordenschatlessen?");
        (await FindAsync("meeliftgedrag")).ShouldBeEmpty();
        (await FindAsync("tweetallen geprobeerd")).ShouldBeEmpty();
        var productNow = await app.Host.GetProductAsync(colleague, product.ProductId);
        productNow.Versions.Select(v => v.Title).ShouldBe(["Rollenkaarten, versie van de collega", Contributions.Blanked]);
        productNow.Attachments.ShouldHaveSingleItem().FileName.ShouldBe(HetInitiatief.Kennisbank.ProductContributions.BlankedFile);
        (await FindAsync("Rollenkaarten tegen meeliftgedrag")).ShouldBeEmpty();
        (await FindAsync("rollenkaarten-klas")).ShouldBeEmpty();
    }

    /// <summary>Every column of every table outside PostgreSQL's own catalogues, as text (bytea with its printable bytes as they are), that contains the value.</summary>
    private async Task<IReadOnlyList<string>> FindAsync(string value)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Schema, string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand(
            """
            select c.table_schema, c.table_name, c.column_name, c.data_type
            from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
            where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        columns.Count.ShouldBeGreaterThan(20);

        var found = new List<string>();
        foreach (var (schema, table, column, type) in columns)
        {
            var text = type == "bytea" ? $"encode(\"{column}\", 'escape')" : $"\"{column}\"::text";
            await using var count = new NpgsqlCommand($"select count(*) from \"{schema}\".\"{table}\" where {text} ilike @pattern", connection);
            count.Parameters.AddWithValue("pattern", $"%{value}%");
            if ((long)(await count.ExecuteScalarAsync())! > 0) found.Add($"{schema}.{table}.{column}");
        }
        return found;
    }
}
