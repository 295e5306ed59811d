// The namespaces nearly every feature file needs: the event store, the HTTP endpoint attributes, the signed-in member,
// authorization policies, and the platform's own write path and replies. Anything a feature uses less often it imports
// itself, so a file's usings still say what is special about it.
global using System.Security.Claims;
global using HetInitiatief.Infrastructure;
global using Marten;
global using Microsoft.AspNetCore.Authorization;
global using Wolverine.Http;
