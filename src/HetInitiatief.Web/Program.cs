using HetInitiatief;

var builder = WebApplication.CreateBuilder(args);
await builder.AddPlatformAsync();

var app = builder.Build();
app.UsePlatform();
await app.RunAsync();

public partial class Program;
