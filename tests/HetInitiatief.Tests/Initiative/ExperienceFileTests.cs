using System.Net;
using System.Net.Http.Headers;
using Alba;
using HetInitiatief.Initiative;
using HetInitiatief.Tests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HetInitiatief.Tests.Initiative;

/// <summary>Evidence as a file: kept with the experience, served as a download, refused with a Dutch reason.</summary>
public sealed class ExperienceFileTests(AppFixture app)
{
    [Fact]
    public async Task The_member_who_shared_attaches_a_file_that_other_members_download_as_an_attachment()
    {
        // Given an experience shared in a trial
        var (initiator, partner, other, _, coalitionId) = await app.Host.ALargeEnoughCoalitionAsync();
        await app.Host.RecordApproachAsync(initiator, coalitionId);
        var trial = await app.Host.AgreeTrialAsync(initiator, coalitionId);
        var experience = (await app.Host.ShareExperienceAsync(partner, coalitionId, trial).WrittenAsync()).Id!.Value;

        // When the partner attaches the students' work
        var answer = await Attach(partner, coalitionId, experience, "Woordmuur klas 3B.pdf", "application/pdf", KennisbankSteps.APdf());

        // Then the timeline lists it, and another member downloads it as an attachment with its type
        answer.StatusCode.ShouldBe(HttpStatusCode.Created);
        var file = (await app.Host.TimelineAsync(other, coalitionId)).Trials.Single().Experiences.Single().Files.Single();
        (file.FileName, file.ContentType).ShouldBe(("Woordmuur klas 3B.pdf", "application/pdf"));
        var download = await app.Host.Scenario(x => { x.Get.Url(file.Url); x.As(other); });
        download.Context.Response.ContentType.ShouldBe("application/pdf");
        download.Context.Response.Headers.ContentDisposition.ToString().ShouldStartWith("attachment;");
    }

    [Fact]
    public async Task Only_the_sharer_attaches_and_a_file_too_large_or_of_the_wrong_kind_is_a_400_naming_file()
    {
        var (initiator, partner, _, _, coalitionId) = await app.Host.ALargeEnoughCoalitionAsync();
        await app.Host.RecordApproachAsync(initiator, coalitionId);
        var trial = await app.Host.AgreeTrialAsync(initiator, coalitionId);
        var experience = (await app.Host.ShareExperienceAsync(partner, coalitionId, trial).WrittenAsync()).Id!.Value;

        (await Attach(initiator, coalitionId, experience, "werk.pdf", "application/pdf", KennisbankSteps.APdf()))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Attach(partner, coalitionId, Guid.NewGuid(), "werk.pdf", "application/pdf", KennisbankSteps.APdf()))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var refused in new[]
        {
            await Attach(partner, coalitionId, experience, "werk.exe", "application/octet-stream", [0x4D, 0x5A, 0, 0]),
            await Attach(partner, coalitionId, experience, "werk.pdf", "application/pdf", new byte[64]),
            await Attach(partner, coalitionId, experience, "groot.pdf", "application/pdf",
                KennisbankSteps.APdf((int)HetInitiatief.Kennisbank.Attachments.MaxFileBytes + 1)),
        })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("\"file\"");
        }
        (await app.Host.TimelineAsync(partner, coalitionId)).Trials.Single().Experiences.Single().Files.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_experience_shared_with_a_refused_file_is_not_saved_at_all()
    {
        // Given a trial
        var (initiator, partner, _, _, coalitionId) = await app.Host.ALargeEnoughCoalitionAsync();
        await app.Host.RecordApproachAsync(initiator, coalitionId);
        var trial = await app.Host.AgreeTrialAsync(initiator, coalitionId);

        // When the page's form sends an experience with a program named as a pdf, and then with a real pdf
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        var command = new ShareExperience("studentWork", "De verslagen staan in het bestand.");
        var refused = await ExperienceFilesEndpoint.ShareWithFileAsync(coalitionId, trial, command,
            Upload("verslagen.pdf", [0x4D, 0x5A, 0, 0]), partner.Id, store, DateTimeOffset.UtcNow, default);
        var afterRefusal = (await app.Host.TimelineAsync(partner, coalitionId)).Trials.Single().Experiences.Count;
        var shared = await ExperienceFilesEndpoint.ShareWithFileAsync(coalitionId, trial, command,
            Upload("verslagen.pdf", KennisbankSteps.APdf()), partner.Id, store, DateTimeOffset.UtcNow, default);

        // Then the refusal names the file and kept nothing; the second sends both at once
        (refused.Problem!.Status, refused.Problem.Errors.Keys.Single(), afterRefusal).ShouldBe((400, "file", 0));
        var experience = (await app.Host.TimelineAsync(partner, coalitionId)).Trials.Single().Experiences.Single();
        (experience.Id, experience.Files.Single().FileName).ShouldBe((shared.Value!.Id!.Value, "verslagen.pdf"));
    }

    private static FormFile Upload(string name, byte[] bytes) =>
        new(new MemoryStream(bytes), 0, bytes.Length, "ExperienceFile", name)
        {
            Headers = new HeaderDictionary(), ContentType = "application/pdf",
        };

    private async Task<HttpResponseMessage> Attach(
        TestMember member, Guid coalitionId, Guid experienceId, string fileName, string contentType, byte[] bytes)
    {
        using var http = app.Host.Server.CreateClient();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/api/coalitions/{coalitionId}/experiences/{experienceId}/attachments")
        {
            Content = form,
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", member.Token) },
        };
        return await http.SendAsync(request);
    }
}
