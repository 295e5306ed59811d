using HetInitiatief;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);
await builder.AddPlatformAsync();

var app = builder.Build();
app.UsePlatform();
// Runs the platform, or a JasperFx command: `dotnet run -- help` lists them (db-apply, projections, codegen, …).
return await app.RunJasperFxCommands(args);

public partial class Program;
