// Integration tests talk to real servers; a cold Temporal worker bundle alone can take ~20 s.
jest.setTimeout(120_000);
