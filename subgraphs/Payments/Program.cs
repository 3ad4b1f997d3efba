using GoShop.BuildingBlocks.Hosting;
using GoShop.PaymentGateways.Sandbox;
using GoShop.Payments;
using GoShop.Payments.Data;
using GoShop.Payments.GraphQL;
using GoShop.Payments.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.AddGoShopSubgraph<PaymentsSchema, PaymentsDbContext>("payments");
builder.AddPaymentsServices();
builder.AddPaymentGatewaySandbox();

var app = builder.Build();
app.MapGoShopSubgraph();
app.MapPaymentWebhooks();
app.MapPaymentGatewaySandbox();
return await app.RunGoShopSubgraphAsync(args);

public partial class Program;
