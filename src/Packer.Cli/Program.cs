using Packer.Cli;

return await PackCommand.RunAsync(args);
