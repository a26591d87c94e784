print("benchmarks arrive with the foundation issue")
