#!/usr/bin/env node
import { Command } from "commander";

const program = new Command("rosterform").description("People as code for Kimai and When I Work.");
await program.parseAsync(process.argv);
