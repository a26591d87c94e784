// The RegressionModels module. (Its files arrive with the issue that builds it.)
