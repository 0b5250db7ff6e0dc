// Runs in every test file: what tempDir() made goes when the file's tests are done.
import { afterAll } from "vitest";
import { removeTempDirs } from "../helpers/temp-dir.js";

afterAll(removeTempDirs);
